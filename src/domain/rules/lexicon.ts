import type { TextAnalysis, Token } from '../language/analysis';
import { phrases } from '../language/phrases';

/**
 * The treatments patients and doctors name, as the rules recognise them in analysed text: brands,
 * their families, generic names and the everyday words people use for them.
 */

/**
 * toxin and hyaluronicFiller wear off in months; `other` is anything else that can be the subject
 * of a sentence (surgery, Kybella, permanent fillers, lasers, sunscreen), so that a claim about it
 * is not read as a claim about a toxin mentioned elsewhere.
 */
export type TreatmentKind = 'toxin' | 'hyaluronicFiller' | 'other';

export interface Treatment {
  key: string;
  /** How a moderator reads it in a message. */
  name: string;
  kind: TreatmentKind;
}

export interface TreatmentMention extends Treatment {
  /** Tokens [from, to) of the analysis. */
  from: number;
  to: number;
  sentence: number;
  /** Named as a measure for another: "the same as Botox", "unlike Dysport". */
  compared?: boolean;
}

// Longer names first within an entry; entries that share words (Juvederm Voluma, Juvederm) list the
// specific one first, since the longest match at a position wins.
const entries: (Treatment & { names: string[] })[] = [
  {
    key: 'botox',
    name: 'Botox',
    kind: 'toxin',
    names: ['botox cosmetic', 'botox', 'onabotulinumtoxina', 'ona'],
  },
  { key: 'dysport', name: 'Dysport', kind: 'toxin', names: ['dysport', 'abobotulinumtoxina'] },
  { key: 'xeomin', name: 'Xeomin', kind: 'toxin', names: ['xeomin', 'incobotulinumtoxina'] },
  { key: 'jeuveau', name: 'Jeuveau', kind: 'toxin', names: ['jeuveau', 'newtox', 'prabotulinumtoxina'] },
  { key: 'daxxify', name: 'Daxxify', kind: 'toxin', names: ['daxxify', 'daxibotulinumtoxina'] },
  { key: 'letybo', name: 'Letybo', kind: 'toxin', names: ['letybo', 'letibotulinumtoxina'] },
  {
    key: 'toxin',
    name: 'toxin',
    kind: 'toxin',
    names: [
      'botulinum toxin',
      'botulinum',
      'neurotoxin',
      'neuromodulator',
      'toxin',
      'baby botox',
      'microbotox',
      'micro botox',
      'micro - botox',
      'microtox',
      'tox',
      'wrinkle relaxer',
      // as toxin is called where its brand names may not be advertised (the UK, Australia)
      'anti - wrinkle injections',
      'anti - wrinkle injection',
      'anti - wrinkle',
      'antiwrinkle injections',
      'wrinkle - relaxer',
      'lip flip',
    ],
  },
  {
    key: 'volbella',
    name: 'Juvederm Volbella',
    kind: 'hyaluronicFiller',
    names: ['juvederm volbella', 'volbella'],
  },
  { key: 'skinvive', name: 'Skinvive', kind: 'hyaluronicFiller', names: ['juvederm skinvive', 'skinvive'] },
  { key: 'voluma', name: 'Juvederm Voluma', kind: 'hyaluronicFiller', names: ['juvederm voluma', 'voluma'] },
  { key: 'volux', name: 'Juvederm Volux', kind: 'hyaluronicFiller', names: ['juvederm volux', 'volux'] },
  {
    key: 'vollure',
    name: 'Juvederm Vollure',
    kind: 'hyaluronicFiller',
    names: ['juvederm vollure', 'vollure'],
  },
  { key: 'kysse', name: 'Restylane Kysse', kind: 'hyaluronicFiller', names: ['restylane kysse', 'kysse'] },
  {
    key: 'eyelight',
    name: 'Restylane Eyelight',
    kind: 'hyaluronicFiller',
    names: ['restylane eyelight', 'eyelight'],
  },
  { key: 'lyft', name: 'Restylane Lyft', kind: 'hyaluronicFiller', names: ['restylane lyft', 'lyft'] },
  { key: 'rha', name: 'RHA', kind: 'hyaluronicFiller', names: ['rha', 'rha redensity'] },
  {
    key: 'defyne',
    name: 'Restylane Defyne',
    kind: 'hyaluronicFiller',
    names: ['restylane defyne', 'defyne'],
  },
  {
    key: 'refyne',
    name: 'Restylane Refyne',
    kind: 'hyaluronicFiller',
    names: ['restylane refyne', 'refyne'],
  },
  {
    key: 'restylaneContour',
    name: 'Restylane Contour',
    kind: 'hyaluronicFiller',
    names: ['restylane contour'],
  },
  { key: 'silk', name: 'Restylane Silk', kind: 'hyaluronicFiller', names: ['restylane silk'] },
  {
    key: 'juvedermUltraPlus',
    name: 'Juvederm Ultra Plus',
    kind: 'hyaluronicFiller',
    names: ['juvederm ultra plus', 'juvederm ultra plus xc', 'ultra plus'],
  },
  {
    key: 'juvedermUltra',
    name: 'Juvederm Ultra',
    kind: 'hyaluronicFiller',
    names: ['juvederm ultra', 'juvederm ultra xc', 'juvaderm ultra'],
  },
  {
    key: 'filler',
    name: 'filler',
    kind: 'hyaluronicFiller',
    names: [
      'juvederm',
      'juvaderm',
      'restylane',
      'belotero',
      'revanesse',
      'versa',
      'teosyal',
      'hyaluronic acid filler',
      'hyaluronic acid',
      'hyaluronic',
      'ha filler',
      'ha fillers',
      'ha gel',
      'ha gels',
      'ha',
      'ha product',
      'ha products',
      'dermal filler',
      'filler',
      'fillers',
    ],
  },
  { key: 'kybella', name: 'Kybella', kind: 'other', names: ['kybella', 'belkyra', 'deoxycholic acid'] },
  {
    key: 'coolsculpting',
    name: 'CoolSculpting',
    kind: 'other',
    names: ['coolsculpting', 'cool sculpting', 'cryolipolysis'],
  },
  { key: 'sculptra', name: 'Sculptra', kind: 'other', names: ['sculptra', 'poly - l - lactic acid'] },
  { key: 'radiesse', name: 'Radiesse', kind: 'other', names: ['radiesse', 'calcium hydroxylapatite'] },
  { key: 'latisse', name: 'Latisse', kind: 'other', names: ['latisse', 'bimatoprost'] },
  { key: 'lumigan', name: 'Lumigan', kind: 'other', names: ['lumigan'] },
  { key: 'ozempic', name: 'Ozempic', kind: 'other', names: ['ozempic'] },
  { key: 'mounjaro', name: 'Mounjaro', kind: 'other', names: ['mounjaro'] },
  { key: 'wegovy', name: 'Wegovy', kind: 'other', names: ['wegovy', 'zepbound'] },
  { key: 'semaglutide', name: 'semaglutide', kind: 'other', names: ['semaglutide'] },
  { key: 'finasteride', name: 'finasteride', kind: 'other', names: ['finasteride', 'propecia', 'proscar'] },
  { key: 'dutasteride', name: 'dutasteride', kind: 'other', names: ['dutasteride', 'avodart'] },
  {
    key: 'tretinoin',
    name: 'tretinoin',
    kind: 'other',
    names: ['tretinoin', 'retin - a', 'renova', 'retinoic acid'],
  },
  { key: 'retinAMicro', name: 'Retin-A Micro', kind: 'other', names: ['retin - a micro'] },
  {
    key: 'isotretinoin',
    name: 'isotretinoin',
    kind: 'other',
    names: ['isotretinoin', 'accutane', 'roaccutane', 'absorica', 'claravis'],
  },
  {
    key: 'oralMinoxidil',
    name: 'oral minoxidil',
    kind: 'other',
    names: ['low - dose oral minoxidil', 'oral minoxidil', 'minoxidil tablets', 'minoxidil pills', 'loniten'],
  },
  { key: 'minoxidil', name: 'minoxidil', kind: 'other', names: ['minoxidil'] },
  // Minoxidil's topical brand, which is labelled for hair loss alone.
  { key: 'rogaine', name: 'Rogaine', kind: 'other', names: ['rogaine'] },
  {
    key: 'spironolactone',
    name: 'spironolactone',
    kind: 'other',
    names: ['spironolactone', 'aldactone', 'spiro'],
  },
  {
    key: 'tranexamicAcid',
    name: 'tranexamic acid',
    kind: 'other',
    names: ['tranexamic acid', 'txa', 'lysteda'],
  },
  { key: 'hylenex', name: 'Hylenex', kind: 'other', names: ['hylenex', 'hyaluronidase', 'vitrase'] },
  { key: 'bellafill', name: 'Bellafill', kind: 'other', names: ['bellafill'] },
  { key: 'exosomes', name: 'exosomes', kind: 'other', names: ['exosomes', 'exosome'] },
  {
    key: 'compounded',
    name: 'compounded semaglutide',
    kind: 'other',
    names: ['compounded semaglutide', 'compounded tirzepatide', 'compounded glp - 1', 'compounded'],
  },
  {
    key: 'resurfacingLaser',
    name: 'a CO2 laser',
    kind: 'other',
    names: [
      'fractional co2 lasers',
      'fractional co2 laser',
      'co2 lasers',
      'co2 laser',
      'fractional co2',
      'co2',
    ],
  },
  {
    key: 'prp',
    name: 'PRP',
    kind: 'other',
    names: ['prp', 'platelet - rich plasma', 'platelet rich plasma'],
  },
  {
    key: 'lasting',
    name: 'treatment',
    kind: 'other',
    names: [
      'pmma',
      'silicone',
      'fat transfer',
      'fat grafting',
      'implant',
      'surgery',
      'surgical',
      'facelift',
      'face lift',
      'neck lift',
      'brow lift',
      'lip lift',
      'thread lift',
      'rhinoplasty',
      'blepharoplasty',
      'liposuction',
      'lipo',
      'tummy tuck',
      'laser',
      'co2',
      'fraxel',
      'ipl',
      'microneedling',
      'peel',
      'tattoo',
      'permanent makeup',
      'microblading',
      'hair removal',
      'sunscreen',
      'spf',
      'retinoid',
      'tretinoin',
      'skincare',
      'operation',
    ],
  },
];

const treatmentNames = phrases(
  entries.map((_, i) => `@t${i}`),
  Object.fromEntries(entries.map((entry, i) => [`t${i}`, entry.names])),
);

/** Words that name a whole family, not a product: what they stand for depends on the sentence. */
const genericWords = new Set(['filler', 'fillers', 'dermal', 'toxin', 'neurotoxin', 'neuromodulator']);

/**
 * The word before token `at` as written, its hyphenated parts joined ("non-surgical"), or the part
 * a hyphen ends ("non-" before "HA").
 */
export function wordBefore(tokens: readonly Token[], at: number): string {
  let from = at - 1;
  while (
    from > 0 &&
    tokens[from - 1].end === tokens[from].start &&
    (tokens[from].normal === '-' || tokens[from - 1].normal === '-')
  )
    from--;
  return from < 0
    ? ''
    : tokens
        .slice(from, at)
        .map((t) => t.normal)
        .join('');
}

/** Every treatment named in a text, in order. */
export function treatmentsIn(analysis: TextAnalysis): TreatmentMention[] {
  const { tokens } = analysis;
  const found: TreatmentMention[] = [];
  for (const m of treatmentNames.find(analysis)) {
    const last = found[found.length - 1];
    if (last && m.from < last.to) continue;
    const { key, name, kind } = entries[m.pattern];
    // "HA" alone is hyaluronic acid only in capitals: "ha, good question" laughs.
    if (m.to - m.from === 1 && tokens[m.from].normal === 'ha' && tokens[m.from].text !== 'HA') continue;
    // "non-surgical", "non-HA": what is not that treatment.
    if (wordBefore(tokens, m.from) === 'non-') continue;
    // "non-surgical rhinoplasty", "a liquid facelift": done with filler, not the surgery named.
    if (key === 'lasting' && /^(?:non-?surgical|liquid|non)$/.test(wordBefore(tokens, m.from))) continue;
    // "Sold as Wegovy", "fillers like Bellafill" name the treatment itself; "the same as Botox",
    // "just like Botox", "unlike Dysport", "compared with Xeomin" measure another by it.
    const [before, twoBefore] = [tokens[m.from - 1]?.normal ?? '', tokens[m.from - 2]?.normal ?? ''];
    const compared =
      /^(?:than|unlike)$/.test(before) ||
      (/^(?:as|like)$/.test(before) && /^(?:same|just)$/.test(twoBefore)) ||
      (/^(?:to|with)$/.test(before) && /^(?:similar|compared)$/.test(twoBefore));
    const mention = { key, name, kind, from: m.from, to: m.to, sentence: tokens[m.from].sentence, compared };
    found.push({ ...mention, ...productPredicated(analysis, found, mention) });
  }
  return found;
}

/**
 * "Bellafill, which contains PMMA, is the FDA-approved filler", "Bellafill, a PMMA filler, is...": a
 * family word said of a product named before it, or set beside it after a comma, stands for that
 * product, not for the family (hyaluronic acid).
 */
function productPredicated(
  { tokens }: TextAnalysis,
  earlier: TreatmentMention[],
  mention: TreatmentMention,
): Treatment | undefined {
  for (let k = mention.from; k < mention.to; k++) if (!genericWords.has(tokens[k].normal)) return undefined;
  let link = mention.from - 1;
  while (
    link > mention.from - 6 &&
    tokens[link] &&
    tokens[link].lemma !== 'be' &&
    tokens[link].text !== ','
  ) {
    if (tokens[link].type === 'punctuation' && tokens[link].text !== '-') return undefined;
    link--;
  }
  const sameSentence = earlier.filter((t) => t.sentence === mention.sentence);
  const product =
    tokens[link]?.lemma === 'be'
      ? sameSentence.findLast((t) => t.to <= link)
      : tokens[link]?.text === ','
        ? sameSentence.find((t) => t.to === link)
        : undefined;
  return product && { key: product.key, name: product.name, kind: product.kind };
}

/**
 * The treatment a claim at tokens [from, to) is most likely about: the closest one named before it
 * in its sentence, else one named inside the claim ("you won't need Botox again"), else after it in
 * its sentence, else the topic of the last sentence that named one (its first mention: "Chin filler
 * is an alternative to an implant. It gives..." is about the filler), else `carried` (the
 * treatment the question asked about). A treatment named as the measure of another ("the same as
 * Botox") is none of these.
 */
export function subjectOf(
  mentions: readonly TreatmentMention[],
  sentence: number,
  from: number,
  to: number,
  carried: Treatment | null,
): Treatment | null {
  // "It now carries approval for the forehead, the same as Botox": a treatment named as the measure
  // is not what is spoken of.
  const inSentence = mentions.filter((m) => m.sentence === sentence && !m.compared);
  const before = inSentence.filter((m) => m.to <= from);
  if (before.length > 0) return before[before.length - 1];
  // "You won't need Botox ever again": the treatment named inside the words.
  const inside = inSentence.find((m) => m.from >= from && m.to <= to);
  if (inside) return inside;
  const after = inSentence.find((m) => m.from >= to);
  if (after) return after;
  const earlier = mentions.filter((m) => m.sentence < sentence);
  const last = earlier[earlier.length - 1];
  return (last && earlier.find((m) => m.sentence === last.sentence)) ?? carried;
}

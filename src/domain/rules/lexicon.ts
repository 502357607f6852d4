import { matchesOf } from './text';

/**
 * The treatments patients and doctors name, as the rules recognise them in folded text (see
 * foldAligned): brands, their families and the generic words people use for them.
 */

/**
 * toxin and hyaluronicFiller wear off in months; `other` is anything else that can be the subject
 * of a sentence (surgery, Kybella, permanent fillers, lasers), so that a claim about it is not read
 * as a claim about a toxin mentioned elsewhere.
 */
export type TreatmentKind = 'toxin' | 'hyaluronicFiller' | 'other';

export interface Treatment {
  key: string;
  /** How a moderator reads it in a message. */
  name: string;
  kind: TreatmentKind;
}

export interface TreatmentMention extends Treatment {
  start: number;
  end: number;
}

// Longer names first: the first alternative that matches at a position wins.
const entries: (Treatment & { pattern: string })[] = [
  { key: 'botox', name: 'Botox Cosmetic', kind: 'toxin', pattern: 'botox cosmetic' },
  { key: 'botox', name: 'Botox', kind: 'toxin', pattern: 'botox' },
  { key: 'dysport', name: 'Dysport', kind: 'toxin', pattern: 'dysport' },
  { key: 'xeomin', name: 'Xeomin', kind: 'toxin', pattern: 'xeomin' },
  { key: 'jeuveau', name: 'Jeuveau', kind: 'toxin', pattern: 'jeuveau|newtox' },
  { key: 'daxxify', name: 'Daxxify', kind: 'toxin', pattern: 'daxxify' },
  { key: 'letybo', name: 'Letybo', kind: 'toxin', pattern: 'letybo' },
  {
    key: 'toxin',
    name: 'toxin',
    kind: 'toxin',
    pattern: String.raw`neuro-?toxins?|neuromodulators?|botulinum(?: toxins?)?(?: type a)?|(?:baby )?tox|wrinkle[- ]relaxers?|toxins?`,
  },
  {
    key: 'volbella',
    name: 'Juvederm Volbella',
    kind: 'hyaluronicFiller',
    pattern: '(?:juvederm )?volbella(?: xc)?',
  },
  {
    key: 'voluma',
    name: 'Juvederm Voluma',
    kind: 'hyaluronicFiller',
    pattern: '(?:juvederm )?voluma(?: xc)?',
  },
  { key: 'volux', name: 'Juvederm Volux', kind: 'hyaluronicFiller', pattern: '(?:juvederm )?volux(?: xc)?' },
  {
    key: 'vollure',
    name: 'Juvederm Vollure',
    kind: 'hyaluronicFiller',
    pattern: '(?:juvederm )?vollure(?: xc)?',
  },
  { key: 'kysse', name: 'Restylane Kysse', kind: 'hyaluronicFiller', pattern: '(?:restylane )?kysse' },
  {
    key: 'eyelight',
    name: 'Restylane Eyelight',
    kind: 'hyaluronicFiller',
    pattern: '(?:restylane )?eyelight',
  },
  { key: 'lyft', name: 'Restylane Lyft', kind: 'hyaluronicFiller', pattern: '(?:restylane )?lyft' },
  {
    key: 'filler',
    name: 'filler',
    kind: 'hyaluronicFiller',
    pattern: String.raw`juvederm(?: ultra(?: plus)?(?: xc)?)?|restylane(?: silk| refyne| defyne| contour)?|rha(?: ?[1-4]| redensity)?|belotero(?: balance| lips)?|revanesse(?: versa| lips)?|hyaluronic acid(?: fillers?)?|ha fillers?|(?:dermal |lip |cheek |under-?eye |tear trough )?fillers?`,
  },
  { key: 'kybella', name: 'Kybella', kind: 'other', pattern: 'kybella|deoxycholic acid' },
  { key: 'coolsculpting', name: 'CoolSculpting', kind: 'other', pattern: 'cool ?sculpting|cryolipolysis' },
  {
    key: 'lasting',
    name: 'treatment',
    kind: 'other',
    pattern: String.raw`bellafill|pmma|silicone(?: oil| injections?)?|sculptra|radiesse|fat (?:transfer|grafting)|implants?|(?<!non-?)surger(?:y|ies)|(?<!non-?)surgical(?:ly)?|face ?lifts?|neck lifts?|brow lifts?|lip lifts?|thread lifts?|(?<!non-?surgical |liquid )(?:rhinoplasty|nose jobs?)|blepharoplasty|eyelid surgery|liposuction|lipo|tummy tucks?|abdominoplasty|lasers?|ipl|microneedling|peels?|tattoos?|permanent makeup|microblading|hair removal`,
  },
];

// One word boundary around all the names rather than around each: the same matches, found sooner.
const treatmentPattern = new RegExp(
  String.raw`\b(?:${entries.map((e) => `(${e.pattern})`).join('|')})\b`,
  'g',
);

/** Every treatment named in a folded text, in order. */
export function treatmentsIn(folded: string): TreatmentMention[] {
  const found: TreatmentMention[] = [];
  for (const m of matchesOf(treatmentPattern, folded)) {
    const { key, name, kind } = entries[m.findIndex((group, i) => i > 0 && group !== undefined) - 1];
    found.push({ key, name, kind, start: m.index, end: m.index + m[0].length });
  }
  return found;
}

/** The mention a claim at [start, end) is most likely about: the closest one before it, else after it. */
export function subjectOf(
  mentions: readonly TreatmentMention[],
  start: number,
  end: number,
): Treatment | null {
  const before = mentions.filter((m) => m.end <= start);
  if (before.length > 0) return before[before.length - 1];
  return mentions.find((m) => m.start >= end) ?? null;
}

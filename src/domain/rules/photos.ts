import type { PhotoImage, PhotoSide } from '../model';
import { hammingDistance } from '../perceptualHash';
import { photoSides } from '../model';
import {
  type EvidenceFact,
  fail,
  type ImageFieldEvidence,
  pass,
  type PhotoItem,
  type PhotoMatch,
  type PhotoRule,
  type RelatedItem,
  type TextSpan,
  unknown,
} from './engine';
import { foldAligned, matchesOf } from './text';
import { lookUp } from '../lookup';

/**
 * The photo rules of RULES.md. The server gathers, through its near-duplicate index, the images
 * of other pairs that resemble this pair's (`context.matches`); everything else these rules read
 * from the pair itself: the hashes, sizes and EXIF fields taken from the original uploads, the
 * caption and the consent flag.
 */

const sideName: Record<PhotoSide, string> = { before: 'before', after: 'after' };
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The hash distance RULES.md suggests: about 10 of 64 bits (calibrated in tests/domain/photoHash). */
const matchThreshold = { default: 10, min: 0, max: 14, label: 'Hamming distance of 64 bits at or below' };

/** One line per matching image, best first: "after ≈ #12's before, 3 bits (Dr. Kim, another doctor)". */
function relatedOf(item: PhotoItem, matches: PhotoMatch[], mirrored: boolean): RelatedItem[] {
  return [...matches]
    .sort(
      (a, b) =>
        distanceOf(a, mirrored) - distanceOf(b, mirrored) ||
        a.photoId - b.photoId ||
        (a.side < b.side ? -1 : 1),
    )
    .map((match) => ({
      resource: 'photos',
      id: match.photoId,
      doctorId: match.doctorId,
      note: [
        `${sideName[match.side]} ${mirrored ? 'flipped ' : ''}≈ its ${sideName[match.otherSide]}`,
        match.doctorId !== item.doctorId ? 'another doctor' : 'same doctor',
        match.createdAt < item.createdAt ? 'posted earlier' : 'posted later',
      ].join(', '),
      image: {
        side: match.side,
        otherSide: match.otherSide,
        distance: distanceOf(match, mirrored),
        mirrored,
        sameBytes: match.sameBytes && !mirrored,
      },
    }));
}

const distanceOf = (match: PhotoMatch, mirrored: boolean) =>
  mirrored ? (match.mirroredDistance ?? Infinity) : match.distance;

/** The match a message names: the closest, the earliest pair among equals, whatever order they came in. */
const closest = (matches: PhotoMatch[], mirrored: boolean) =>
  matches.reduce((best, match) =>
    distanceOf(match, mirrored) < distanceOf(best, mirrored) ||
    (distanceOf(match, mirrored) === distanceOf(best, mirrored) && match.photoId < best.photoId)
      ? match
      : best,
  );

/**
 * A match with another doctor's pair posted before this one is a copy of someone else's photo:
 * block. Later copies by others (this pair may be the original) and the doctor's own reuse are
 * for a moderator to weigh: high.
 */
function severityOf(item: PhotoItem, matches: PhotoMatch[]) {
  return matches.some((m) => m.doctorId !== item.doctorId && m.createdAt < item.createdAt) ? 'block' : 'high';
}

const duplicate: PhotoRule = {
  id: 'PH_DUP',
  type: 'photos',
  severity: 'block',
  description:
    'An image is the same file as, or within a few bits of, an image of another pair (block when another doctor posted it first)',
  threshold: matchThreshold,
  check(item, { setting, matches }) {
    if (!matches) return unknown(this, 'The other stored images were not searched.');
    const limit = setting.threshold ?? matchThreshold.default;
    const found = matches.filter((m) => m.sameBytes || m.distance <= limit);
    if (found.length === 0) return pass(this, 'No image of another pair looks like these.');
    const pairs = new Set(found.map((m) => m.photoId));
    const others = found.filter((m) => m.doctorId !== item.doctorId);
    const best = closest(found, false);
    const how = best.sameBytes ? 'the same file as' : `${best.distance} bits from`;
    return fail(
      this,
      `${capitalised(sideName[best.side])} image is ${how} an image of pair #${best.photoId}` +
        `${pairs.size > 1 ? ` (${pairs.size} pairs match)` : ''}` +
        `${others.length > 0 ? ', posted by another doctor' : ', posted by the same doctor'}.`,
      {
        related: relatedOf(item, found, false),
        facts: [
          { label: 'Closest distance', value: best.distance },
          { label: 'Threshold', value: limit },
          { label: 'Same bytes', value: found.some((m) => m.sameBytes) ? 'yes' : 'no' },
        ],
      },
      severityOf(item, found),
    );
  },
};

const mirror: PhotoRule = {
  id: 'PH_MIRROR',
  type: 'photos',
  severity: 'high',
  description: 'An image matches an image of another pair only once flipped left to right (a mirrored copy)',
  threshold: matchThreshold,
  check(item, { setting, matches }) {
    if (!matches) return unknown(this, 'The other stored images were not searched.');
    if (photoSides.some((side) => !item[side].mirroredPhash))
      return unknown(this, 'The flipped hash of these images was not computed.');
    const limit = setting.threshold ?? matchThreshold.default;
    // An image that matches as it is, flipped or not, is a plain copy: PH_DUP speaks of it.
    const found = matches.filter(
      (m) => m.mirroredDistance !== null && m.mirroredDistance <= limit && m.distance > limit && !m.sameBytes,
    );
    if (found.length === 0) return pass(this, 'No image of another pair matches these flipped.');
    const best = closest(found, true);
    return fail(
      this,
      `${capitalised(sideName[best.side])} image, flipped left to right, is ${best.mirroredDistance} bits from ` +
        `an image of pair #${best.photoId} (${best.distance} bits unflipped): a mirrored copy.`,
      {
        related: relatedOf(item, found, true),
        facts: [
          { label: 'Flipped distance', value: best.mirroredDistance! },
          { label: 'Unflipped distance', value: best.distance },
          { label: 'Threshold', value: limit },
        ],
      },
    );
  },
};

const sameShot: PhotoRule = {
  id: 'PH_SAME_SHOT',
  type: 'photos',
  severity: 'block',
  description:
    'Before and after are the same photograph (identical or near-identical hashes), perhaps retouched',
  threshold: { default: 6, min: 0, max: 14, label: 'Hamming distance between before and after at or below' },
  check(item, { setting }) {
    const limit = setting.threshold ?? 6;
    const distance = hammingDistance(item.before.phash, item.after.phash);
    const facts = [
      { label: 'Before ↔ after distance', value: distance },
      { label: 'Threshold', value: limit },
    ];
    if (item.before.sha256 === item.after.sha256)
      return fail(this, 'Before and after are the same file: no result is shown.', { facts });
    if (distance > limit) return pass(this, `Before and after are ${distance} bits apart: two photographs.`);
    return fail(
      this,
      `Before and after are ${distance} bits apart: one photograph, the after an edit of the before.`,
      { facts },
    );
  },
};

/**
 * Applications that edit or beautify photos, as they sign EXIF Software. Camera and phone
 * firmware ("iOS 17.4", "G998BXXU5", "HDR+ 1.0") and plain RAW converters of the camera's maker
 * are not editors.
 */
const editorPattern =
  /\b(photoshop|lightroom|facetune|meitu|snapseed|airbrush|gimp|picsart|pixelmator|affinity photo|luminar|portrait ?pro|youcam|beautyplus|beauty ?cam|perfect ?365|faceapp|remini|peachy|retouch ?me|photo ?director|capture one|canva|fotor|vsco)\b/i;

const editor: PhotoRule = {
  id: 'PH_EDITOR',
  type: 'photos',
  severity: 'high',
  description:
    'EXIF Software names an editing application (Photoshop, Lightroom, Facetune, Meitu, Snapseed, ...)',
  check(item) {
    const edited = photoSides.flatMap((side): ImageFieldEvidence[] => {
      const software = item[side].exif?.Software;
      return typeof software === 'string' && editorPattern.test(software)
        ? [{ side, field: 'Software', value: software }]
        : [];
    });
    if (photoSides.every((side) => !item[side].exif))
      return unknown(this, 'Neither image carries EXIF: the software that saved them is not known.');
    if (edited.length === 0) return pass(this, 'No editing application signed these images.');
    return fail(this, edited.map((e) => `The ${e.side} image was saved by ${e.value}`).join('; ') + '.', {
      fields: edited,
      facts: edited.map((e) => ({ label: `${capitalised(e.side)} software`, value: e.value! })),
    });
  },
};

const dayMs = 86_400_000;
/** The average month, as EXIF dates and "6 months after" are compared. */
const monthDays = 30.44;

/** When the image was taken, by EXIF: DateTimeOriginal, else the camera's CreateDate. */
function takenOf(image: PhotoImage): { field: string; value: string; ms: number } | null {
  for (const field of ['DateTimeOriginal', 'CreateDate']) {
    const value = image.exif?.[field];
    // Camera local time with no zone: both images of a pair come from one place, so read both as UTC.
    const ms = typeof value === 'string' ? Date.parse(`${value.slice(0, 19)}Z`) : NaN;
    if (typeof value === 'string' && Number.isFinite(ms)) return { field, value, ms };
  }
  return null;
}

const dates: PhotoRule = {
  id: 'PH_DATES',
  type: 'photos',
  severity: 'high',
  description:
    'The after photo was taken before the before photo, or the time between them disagrees with the months after treatment stated',
  threshold: { default: 31, min: 1, max: 365, label: 'Days the interval may differ from the months stated' },
  check(item, { setting }) {
    const [before, after] = [takenOf(item.before), takenOf(item.after)];
    if (!before || !after)
      return unknown(this, `The ${!before ? 'before' : 'after'} image carries no date taken.`);
    const fields: ImageFieldEvidence[] = [
      { side: 'before', field: before.field, value: before.value },
      { side: 'after', field: after.field, value: after.value },
    ];
    const days = Math.round((after.ms - before.ms) / dayMs);
    const facts: EvidenceFact[] = [{ label: 'Days between the photos', value: days }];
    if (after.ms < before.ms) {
      return fail(this, `The after photo was taken ${-days} day(s) before the before photo.`, {
        fields,
        facts,
      });
    }
    const months = item.monthsAfterTreatment;
    if (months === null) return pass(this, `Taken ${days} day(s) apart, in order; no interval is stated.`);
    const tolerance = setting.threshold ?? 31;
    const stated = Math.round(months * monthDays);
    facts.push({ label: 'Days stated', value: stated }, { label: 'Tolerance (days)', value: tolerance });
    if (Math.abs(days - stated) <= tolerance)
      return pass(this, `Taken ${days} days apart, as the ${months} month(s) stated.`);
    return fail(
      this,
      days < stated
        ? `Taken only ${days} day(s) apart, but the result is presented as ${months} month(s) after treatment.`
        : `Taken ${days} days apart, far more than the ${months} month(s) stated.`,
      { fields, facts },
    );
  },
};

/** Treatments whose before-and-after photos show the face: such a photo identifies the patient. */
export const faceProcedures: ReadonlySet<string> = new Set([
  'Botox',
  'Dysport',
  'Xeomin',
  'Lip filler',
  'Cheek filler',
  'Under-eye filler',
  'Kybella',
  'Laser resurfacing',
  'IPL photofacial',
  'Microneedling',
  'Chemical peel',
  'Rhinoplasty',
  'Blepharoplasty',
  'Facelift',
]);

const consent: PhotoRule = {
  id: 'PH_CONSENT',
  type: 'photos',
  severity: 'block',
  description:
    'No patient consent is on file for photos that identify the patient (block for full-face treatments)',
  check(item) {
    if (item.consentOnFile) return pass(this, 'The patient’s consent is on file.');
    if (faceProcedures.has(item.procedure)) {
      return fail(
        this,
        `No consent on file for full-face ${item.procedure} photos, which identify the patient.`,
        {
          facts: [{ label: 'Consent on file', value: 'no' }],
        },
      );
    }
    // A body photo may still show a face, a tattoo or a birthmark: a moderator must look.
    return fail(
      this,
      `No consent on file; ${item.procedure} photos show the body, which may still identify the patient.`,
      { facts: [{ label: 'Consent on file', value: 'no' }] },
      'high',
    );
  },
};

/** How captions name each treatment (folded text). */
const procedureWords: Record<string, string> = {
  Botox: String.raw`botox|botulinum|neurotoxin|toxin|wrinkle relaxer`,
  Dysport: String.raw`dysport|botulinum|neurotoxin|toxin`,
  Xeomin: String.raw`xeomin|botulinum|neurotoxin|toxin`,
  'Lip filler': String.raw`lip (?:filler|augmentation|injections?)|lips? with (?:filler|hyaluronic acid)|filler (?:in|to) the lips`,
  'Cheek filler': String.raw`cheek (?:filler|augmentation)|filler (?:in|to|along) the cheek(?:s|bones)?|cheekbones?`,
  'Under-eye filler': String.raw`under-?eye filler|tear troughs?(?: filler)?`,
  Kybella: String.raw`kybella|deoxycholic acid`,
  CoolSculpting: String.raw`cool ?sculpting|cryolipolysis|fat freezing`,
  'Laser resurfacing': String.raw`laser resurfacing|(?:co2|fractional|erbium) laser|resurfacing`,
  'IPL photofacial': String.raw`ipl|photofacial|intense pulsed light`,
  Microneedling: String.raw`micro-?needling|collagen induction`,
  'Chemical peel': String.raw`(?:chemical |tca |medium-depth |deep )?peels?`,
  Rhinoplasty: String.raw`rhinoplasty|nose job|nose surgery`,
  Blepharoplasty: String.raw`blepharoplasty|eyelid (?:surgery|lift)`,
  Facelift: String.raw`face ?lift|rhytidectomy`,
  'Breast augmentation': String.raw`breast (?:augmentation|implants?|enlargement)|augmentation mammoplasty`,
  Liposuction: String.raw`liposuction|lipo(?:sculpture)?`,
  'Tummy tuck': String.raw`tummy tuck|abdominoplasty`,
};

const numberWords =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty-?four|a|an|a few|several|\\d+(?:\\.\\d+)?';
/** "6 months after", "six weeks later", "at 3 months", "one year post-op", "day 10". */
const timePattern = new RegExp(
  String.raw`\b(?:(?:${numberWords})[ -](?:days?|weeks?|months?|years?|yrs?|mos?|wks?)\b|(?:day|week|month|year) \d+\b)`,
  'g',
);

function spanOf(caption: string, pattern: RegExp): TextSpan | null {
  const [found] = matchesOf(pattern, foldAligned(caption));
  return found
    ? {
        field: 'caption',
        start: found.index,
        end: found.index + found[0].length,
        text: caption.slice(found.index, found.index + found[0].length),
      }
    : null;
}

const disclose: PhotoRule = {
  id: 'PH_DISCLOSE',
  type: 'photos',
  severity: 'medium',
  description:
    'The caption does not say which treatment the photos show, or how long after it the after photo was taken',
  check(item) {
    const words = lookUp(procedureWords, item.procedure);
    const procedure = words ? spanOf(item.caption, new RegExp(String.raw`\b(?:${words})\b`, 'g')) : null;
    const time = spanOf(item.caption, timePattern);
    const spans = [procedure, time].filter((span): span is TextSpan => span !== null);
    if (procedure && time) return pass(this, `Names "${procedure.text}" and "${time.text}".`);
    const missing = [
      !procedure && `the treatment (${item.procedure})`,
      !time && 'the time since treatment',
    ].filter(Boolean);
    return fail(this, `The caption does not state ${missing.join(' or ')}.`, {
      ...(spans.length > 0 ? { spans } : {}),
      facts: [
        { label: 'Treatment named', value: procedure ? procedure.text : 'no' },
        { label: 'Time stated', value: time ? time.text : 'no' },
      ],
    });
  },
};

const framing: PhotoRule = {
  id: 'PH_FRAMING',
  type: 'photos',
  severity: 'medium',
  description:
    'Before and after differ a lot in aspect ratio, or one has less than half the pixels of the other (different framing or crop)',
  threshold: { default: 0.1, min: 0.01, max: 1, label: 'Relative difference of aspect ratios at or above' },
  check(item, { setting }) {
    const { before, after } = item;
    const ratio = (image: PhotoImage) => image.width / image.height;
    const aspectDifference = Math.abs(ratio(before) - ratio(after)) / Math.min(ratio(before), ratio(after));
    const pixels = [before.width * before.height, after.width * after.height];
    const resolution = Math.max(...pixels) / Math.min(...pixels);
    const limit = setting.threshold ?? 0.1;
    const fields: ImageFieldEvidence[] = photoSides.map((side) => ({
      side,
      field: 'dimensions',
      value: `${item[side].width} × ${item[side].height}`,
    }));
    const facts = [
      { label: 'Aspect ratio difference', value: `${Math.round(aspectDifference * 100)}%` },
      { label: 'Pixel count ratio', value: Number(resolution.toFixed(2)) },
    ];
    const reasons = [
      aspectDifference >= limit && `aspect ratios differ by ${Math.round(aspectDifference * 100)}%`,
      resolution >= 2 && `one image has ${resolution.toFixed(1)} times the pixels of the other`,
    ].filter(Boolean);
    if (reasons.length === 0) return pass(this, 'Both images are framed alike.');
    return fail(this, `${capitalised(reasons.join('; '))}: different framing or crop.`, { fields, facts });
  },
};

const meta: PhotoRule = {
  id: 'PH_META',
  type: 'photos',
  severity: 'info',
  description:
    'An image carries no EXIF at all, or the camera make or model differs between before and after',
  check(item) {
    const bare = photoSides.filter((side) => !item[side].exif);
    if (bare.length > 0) {
      return fail(
        this,
        `The ${bare.join(' and the ')} image${bare.length > 1 ? 's carry' : ' carries'} no EXIF metadata.`,
        {
          fields: bare.map((side) => ({ side, field: 'EXIF', value: null })),
        },
      );
    }
    const camera = (side: PhotoSide) =>
      [item[side].exif?.Make, item[side].exif?.Model].filter((v) => v !== undefined).join(' ');
    if (camera('before') === camera('after'))
      return pass(
        this,
        camera('before') ? `Both taken with ${camera('before')}.` : 'Neither names its camera.',
      );
    const fields = photoSides.flatMap((side) =>
      (['Make', 'Model'] as const).map((field) => ({ side, field, value: item[side].exif?.[field] ?? null })),
    );
    return fail(
      this,
      `Taken with different cameras: ${camera('before') || 'unnamed'} before, ${camera('after') || 'unnamed'} after.`,
      { fields },
    );
  },
};

export const photoRules: PhotoRule[] = [
  duplicate,
  mirror,
  sameShot,
  editor,
  dates,
  consent,
  disclose,
  framing,
  meta,
];

/**
 * Which specialty boards a "board certified" claim may name (RULES.md, DOC_BOARD). A patient reads
 * "board certified" as certification by a board of the American Board of Medical Specialties
 * (ABMS) or of the American Osteopathic Association (AOA); some states also let doctors advertise
 * certification by a few other boards; anything else is a board of the doctor's own choosing.
 */

export type BoardRecognition =
  /** An ABMS member board or an AOA certifying board. */
  | 'recognized'
  /** Accepted for advertising by some state medical boards only. */
  | 'state_only'
  /** A board neither ABMS nor the AOA nor any state recognises, known or not. */
  | 'not_recognized';

export interface BoardEntry {
  name: string;
  body: 'ABMS' | 'AOA' | 'state-recognized' | 'self-designated';
  /** The specialties whose doctors do most cosmetic treatments: skin, face, eyes and plastic surgery. */
  cosmetic: boolean;
  /** Other names the same board goes by, or went by. */
  aliases?: readonly string[];
}

const abms = (name: string, cosmetic = false, aliases?: readonly string[]): BoardEntry => ({
  name: `American Board of ${name}`,
  body: 'ABMS',
  cosmetic,
  aliases,
});

const aoa = (name: string, cosmetic = false, aliases?: readonly string[]): BoardEntry => ({
  name: `American Osteopathic Board of ${name}`,
  body: 'AOA',
  cosmetic,
  aliases,
});

export const boards: readonly BoardEntry[] = [
  abms('Allergy and Immunology'),
  abms('Anesthesiology'),
  abms('Colon and Rectal Surgery'),
  abms('Dermatology', true),
  abms('Emergency Medicine'),
  abms('Family Medicine'),
  abms('Internal Medicine'),
  abms('Medical Genetics and Genomics'),
  abms('Neurological Surgery'),
  abms('Nuclear Medicine'),
  abms('Obstetrics and Gynecology'),
  abms('Ophthalmology', true),
  abms('Orthopaedic Surgery'),
  abms('Otolaryngology – Head and Neck Surgery', true, ['American Board of Otolaryngology']),
  abms('Pathology'),
  abms('Pediatrics'),
  abms('Physical Medicine and Rehabilitation'),
  abms('Plastic Surgery', true),
  abms('Preventive Medicine'),
  abms('Psychiatry and Neurology'),
  abms('Radiology'),
  abms('Surgery', true),
  abms('Thoracic Surgery'),
  abms('Urology'),
  aoa('Anesthesiology'),
  aoa('Dermatology', true),
  aoa('Emergency Medicine'),
  aoa('Family Physicians'),
  aoa('Internal Medicine'),
  aoa('Neurology and Psychiatry'),
  aoa('Neuromusculoskeletal Medicine'),
  aoa('Obstetrics and Gynecology'),
  aoa('Ophthalmology and Otolaryngology – Head and Neck Surgery', true),
  aoa('Orthopedic Surgery'),
  aoa('Pathology'),
  aoa('Pediatrics'),
  aoa('Physical Medicine and Rehabilitation'),
  aoa('Preventive Medicine'),
  aoa('Radiology'),
  aoa('Surgery', true),
  {
    name: 'American Board of Facial Plastic and Reconstructive Surgery',
    body: 'state-recognized',
    cosmetic: true,
  },
  { name: 'American Board of Cosmetic Surgery', body: 'state-recognized', cosmetic: true },
  { name: 'International Board of Aesthetic Medicine', body: 'self-designated', cosmetic: true },
  { name: 'American Board of Aesthetic Medicine', body: 'self-designated', cosmetic: true },
  { name: 'American Board of Laser Surgery', body: 'self-designated', cosmetic: true },
  { name: 'American Board of Cosmetic Medicine', body: 'self-designated', cosmetic: true },
  { name: 'American Academy of Aesthetic Medicine', body: 'self-designated', cosmetic: true },
];

/** Case, accents, dashes, "&" and punctuation aside, so "Otolaryngology-Head & Neck" finds its board. */
export function boardKey(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z]+/g, ' ')
      .replace(/\b(board certified by|board certified|certified by|diplomate of|the)\b/g, ' ')
      // What is left of "eligible for certification by the ..." once the eligible wording is gone.
      .replace(/^\s*by\b/, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const byKey = new Map<string, BoardEntry>(
  boards.flatMap((board) => [board.name, ...(board.aliases ?? [])].map((name) => [boardKey(name), board])),
);

/** "Board eligible" means trained for the exam, not certified: a claim the patient may misread. */
const eligibleWording = /\b(board[- ]?eligible|eligible for (board )?certification)\b/i;

export interface BoardClaim {
  recognition: BoardRecognition;
  /** The table's entry, when the name is in it. */
  entry: BoardEntry | null;
  /** The wording says eligible, not certified. */
  eligibleOnly: boolean;
}

/** What a profile's board line claims. The name may carry "Board eligible –" before the board. */
export function classifyBoard(text: string): BoardClaim {
  const eligibleOnly = eligibleWording.test(text);
  const name = text.replace(eligibleWording, ' ').replace(/^[\s,:;–—-]+/, '');
  const entry = byKey.get(boardKey(name)) ?? null;
  const recognition: BoardRecognition =
    entry === null || entry.body === 'self-designated'
      ? 'not_recognized'
      : entry.body === 'state-recognized'
        ? 'state_only'
        : 'recognized';
  return { recognition, entry, eligibleOnly };
}

import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Kysely } from 'kysely';
import type { DoctorDocument, DocumentKind, DocumentMediaType } from '../../src/domain/model';
import { insertDocument } from '../db/credentials';
import { type MediaStorage, mediaKeys } from '../storage';
import type { Database } from '../db/schema';
import { dayMs, delay, hourMs, isoDay, isoTime, minuteMs } from './calendar';
import type { DoctorSeed } from './doctors';
import type { Random } from './random';

/**
 * The credential documents the seeded doctors uploaded, as real files a browser shows: the state
 * license, an insurance certificate and a CV as one-page PDFs written here byte by byte, the board
 * certificate as a JPEG drawn with sharp. Each says on its face that it is demo data.
 */

/**
 * Doctors past this id get no documents. A doctor's documents take sharp about 10 ms to draw and
 * weigh about 65 KB, most of it the certificate; six blocks of the doctor plan (240 doctors, every
 * plant six times) keep any seed within about 16 MB and 2.5 seconds of documents, where the 40,000
 * doctors of a million reviews would take 2.5 GB and seven minutes.
 */
export const documentedDoctors = 240;

export interface SeededDocument {
  id: number;
  doctorId: number;
  kind: DocumentKind;
  fileName: string;
  mediaType: DocumentMediaType;
  bytes: Buffer;
  sha256: string;
  uploadedAt: string;
}

// --- PDF ---------------------------------------------------------------------------------------

export type PdfLine =
  | { text: string; size?: number; bold?: boolean; gap?: number; gray?: boolean }
  | { rule: true; gap?: number };

/** WinAnsiEncoding, the encoding of the standard Helvetica: Latin-1 plus dashes and quotes. */
const winAnsiExtras: Record<string, number> = {
  '—': 0x97,
  '–': 0x96,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '€': 0x80,
};

function pdfString(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const byte =
      winAnsiExtras[char] ?? ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) ? code : 0x3f);
    const c = String.fromCharCode(byte);
    out += c === '(' || c === ')' || c === '\\' ? `\\${c}` : c;
  }
  return `(${out})`;
}

/** PDF's date form, D:YYYYMMDDHHmmSSZ. */
const pdfDate = (iso: string) => `D:${iso.slice(0, 19).replace(/[-:T]/g, '')}Z`;

/**
 * A one-page US Letter PDF of text lines in Helvetica (one of the standard fonts every reader has,
 * so nothing is embedded), inside a double border. The cross-reference table gives every object's
 * byte offset, as readers expect to find it.
 */
export function onePagePdf(document: {
  title: string;
  createdAt: string;
  lines: readonly PdfLine[];
}): Buffer {
  const ops: string[] = [
    '0.13 0.22 0.37 RG 2.5 w 30 30 552 732 re S',
    '0.69 0.55 0.24 RG 0.8 w 38 38 536 716 re S',
  ];
  let y = 712;
  for (const line of document.lines) {
    if ('rule' in line) {
      y -= line.gap ?? 10;
      ops.push(`0.13 0.22 0.37 RG 1 w 72 ${y} m 540 ${y} l S`);
      y -= 12;
      continue;
    }
    const size = line.size ?? 11;
    y -= line.gap ?? Math.round(size * 1.55);
    const color = line.gray ? '0.45 0.45 0.45 rg' : '0.1 0.1 0.1 rg';
    ops.push(`BT ${color} /${line.bold ? 'F2' : 'F1'} ${size} Tf 72 ${y} Td ${pdfString(line.text)} Tj ET`);
  }
  const content = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title ${pdfString(document.title)} /Producer (Verity demo data) /CreationDate (${pdfDate(document.createdAt)}) >>`,
  ];
  // The second line's bytes above 127 tell transfer tools the file is binary.
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// --- Board certificate -------------------------------------------------------------------------

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A long board name in two lines: after its dash if it has one, else at the space nearest its middle. */
function twoLines(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const dash = text.indexOf(' – ');
  if (dash > 0) return [text.slice(0, dash + 2), text.slice(dash + 3)];
  const middle = text.length / 2;
  let best = -1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) {
    if (best === -1 || Math.abs(i - middle) < Math.abs(best - middle)) best = i;
  }
  return best === -1 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}

export interface CertificateText {
  board: string;
  holder: string;
  field: string;
  number: string;
  certifiedYear: number;
  throughYear: number;
}

const star = (cx: number, cy: number, outer: number, inner: number, points: number) =>
  Array.from({ length: points * 2 }, (_, i) => {
    const radius = i % 2 === 0 ? outer : inner;
    const angle = (Math.PI * i) / points - Math.PI / 2;
    return `${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`;
  }).join(' ');

/**
 * The certificate in SVG. Everything but the words is drawn (borders, seal, ribbon, signatures),
 * so where no font is installed and librsvg renders no text, it still reads as a certificate.
 */
export function certificateSvg(text: CertificateText): string {
  const font = 'DejaVu Serif, Liberation Serif, Times New Roman, serif';
  const boardLines = twoLines(text.board, 40);
  const boardSize = boardLines.length > 1 ? 32 : 38;
  const boardText = boardLines
    .map(
      (line, i) =>
        `<text x="500" y="${128 + i * 42}" font-size="${boardSize}" text-anchor="middle" fill="#1f3a5f" font-family="${font}" font-weight="bold">${escapeXml(line)}</text>`,
    )
    .join('');
  const below = boardLines.length > 1 ? 40 : 0;
  const signature = (x: number) =>
    `<path d="M${x} 618 c 20 -30 35 10 50 -8 s 25 -25 40 2 s 30 10 45 -12 s 20 14 40 0" fill="none" stroke="#203050" stroke-width="2.2"/>` +
    `<line x1="${x - 20}" y1="632" x2="${x + 200}" y2="632" stroke="#444" stroke-width="1.2"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="740" viewBox="0 0 1000 740">
<rect width="1000" height="740" fill="#fbf7ec"/>
<rect x="18" y="18" width="964" height="704" fill="none" stroke="#1f3a5f" stroke-width="12"/>
<rect x="40" y="40" width="920" height="660" fill="none" stroke="#b08d3c" stroke-width="3"/>
<rect x="50" y="50" width="900" height="640" fill="none" stroke="#b08d3c" stroke-width="1"/>
${[
  [40, 40],
  [960, 40],
  [40, 700],
  [960, 700],
]
  .map(
    ([x, y]) =>
      `<polygon points="${x},${y - 14} ${x + 14},${y} ${x},${y + 14} ${x - 14},${y}" fill="#b08d3c"/>`,
  )
  .join('')}
<path d="M150 ${190 + below} h700" stroke="#b08d3c" stroke-width="1.5"/>
${boardText}
<text x="500" y="${240 + below}" font-size="22" font-style="italic" text-anchor="middle" fill="#333" font-family="${font}">certifies that</text>
<text x="500" y="${308 + below}" font-size="46" font-style="italic" font-weight="bold" text-anchor="middle" fill="#111" font-family="${font}">${escapeXml(text.holder)}</text>
<path d="M220 ${326 + below} h560" stroke="#999" stroke-width="1"/>
<text x="500" y="${366 + below}" font-size="18" text-anchor="middle" fill="#333" font-family="${font}">has met the requirements of the Board and is certified as a Diplomate in</text>
<text x="500" y="${410 + below}" font-size="28" font-weight="bold" text-anchor="middle" fill="#1f3a5f" font-family="${font}">${escapeXml(text.field)}</text>
<text x="500" y="${452 + below}" font-size="16" text-anchor="middle" fill="#333" font-family="${font}">Certificate No. ${escapeXml(text.number)} · Certified ${text.certifiedYear} · Continuing certification through ${text.throughYear}</text>
<g transform="translate(500 572)">
<polygon points="${star(0, 0, 64, 52, 24)}" fill="#c9a24a"/>
<circle r="46" fill="#b08d3c" stroke="#8a6a24" stroke-width="2"/>
<circle r="36" fill="none" stroke="#f3e3b5" stroke-width="2"/>
<polygon points="${star(0, 0, 22, 9, 5)}" fill="#f3e3b5"/>
<polygon points="-30,40 -46,96 -26,86 -14,102 -4,46" fill="#1f3a5f"/>
<polygon points="30,40 46,96 26,86 14,102 4,46" fill="#1f3a5f"/>
</g>
${signature(150)}${signature(680)}
<text x="250" y="654" font-size="14" text-anchor="middle" fill="#555" font-family="${font}">Chair</text>
<text x="780" y="654" font-size="14" text-anchor="middle" fill="#555" font-family="${font}">Executive Director</text>
<text x="500" y="690" font-size="12" text-anchor="middle" fill="#888" font-family="${font}">Sample certificate drawn for the Verity demo data. Not a real credential.</text>
</svg>`;
}

export async function drawCertificate(text: CertificateText): Promise<Buffer> {
  return sharp(Buffer.from(certificateSvg(text)))
    .jpeg({ quality: 75 })
    .toBuffer();
}

// --- The documents of each doctor --------------------------------------------------------------

const stateNames: Record<string, string> = {
  AL: 'Alabama',
  AZ: 'Arizona',
  CA: 'California',
  CO: 'Colorado',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  IL: 'Illinois',
  KY: 'Kentucky',
  LA: 'Louisiana',
  MA: 'Massachusetts',
  MD: 'Maryland',
  MI: 'Michigan',
  MN: 'Minnesota',
  MO: 'Missouri',
  NC: 'North Carolina',
  NE: 'Nebraska',
  NV: 'Nevada',
  NY: 'New York',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  SC: 'South Carolina',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VA: 'Virginia',
  WA: 'Washington',
};

const insurers = [
  'Harborline Physicians Mutual Insurance Company',
  'Keystone Medical Protective Exchange',
  'Bluewater Professional Liability Company',
  'Granite State Doctors Reciprocal',
  'Prairie Medical Mutual Insurance Company',
];

const demoNotice = 'Sample document generated for the Verity demo data. Not a real credential.';

const degreeOf = (doctor: DoctorSeed) => (doctor.row.credential === 'DO' ? 'D.O.' : 'M.D.');

/** "American Board of Plastic Surgery" certifies in "Plastic Surgery". */
const fieldOf = (board: string) =>
  board
    .replace(/^(?:The )?(?:American|International) (?:Osteopathic )?Board of /, '')
    .replace(/^Board eligible – /, '');

interface Draft {
  kind: DocumentKind;
  fileName: string;
  mediaType: DocumentMediaType;
  bytes: Buffer | Promise<Buffer>;
  uploadedAtMs: number;
}

function licensePdf(random: Random, doctor: DoctorSeed, uploadedAt: string): Buffer {
  const { row } = doctor;
  const state = stateNames[row.licenseState] ?? row.licenseState;
  const kind =
    row.credential === 'DO' ? 'Osteopathic Physician and Surgeon License' : 'Physician and Surgeon License';
  const issuedMs = doctor.createdAtMs - random.float(2, 16) * 365 * dayMs;
  return onePagePdf({
    title: `${state} medical license ${row.licenseNumber}`,
    createdAt: uploadedAt,
    lines: [
      { text: `State Medical Board of ${state}`, size: 20, bold: true, gap: 0 },
      { text: kind, size: 14, bold: true },
      { rule: true },
      { text: 'This certifies that', gap: 22 },
      { text: `${row.name}, ${degreeOf(doctor)}`, size: 18, bold: true, gap: 30 },
      { text: `is licensed to practice medicine in the State of ${state}.`, gap: 24 },
      { text: `License No. ${row.licenseNumber}`, size: 13, bold: true, gap: 36 },
      { text: `Issued ${isoDay(issuedMs)}`, gap: 20 },
      { text: `Expires ${row.licenseExpiresOn}`, gap: 18 },
      { text: `${row.city}, ${row.licenseState}`, gap: 18 },
      {
        text: `State Medical Board of ${state} — ${kind} — No. ${row.licenseNumber} — ${row.name}, ${degreeOf(doctor)} — Expires ${row.licenseExpiresOn}`,
        size: 7.5,
        gap: 40,
      },
      {
        text: 'The license is verified against the board’s public license lookup, not this copy.',
        size: 9,
        gray: true,
        gap: 24,
      },
      { text: demoNotice, size: 9, gray: true, gap: 14 },
    ],
  });
}

function insurancePdf(random: Random, doctor: DoctorSeed, uploadedAtMs: number): Buffer {
  const { row } = doctor;
  const startMs = uploadedAtMs - random.float(10, 300) * dayMs;
  const insurer = random.pick(insurers);
  return onePagePdf({
    title: `Certificate of insurance, ${row.name}`,
    createdAt: isoTime(uploadedAtMs),
    lines: [
      { text: 'Certificate of Insurance', size: 20, bold: true, gap: 0 },
      { text: 'Medical Professional Liability', size: 14, bold: true },
      { rule: true },
      { text: `Insured: ${row.name}, ${degreeOf(doctor)}`, size: 12, bold: true, gap: 24 },
      { text: `Practice: ${row.practiceName}, ${row.city}, ${row.licenseState}`, gap: 18 },
      { text: `Specialty: ${row.specialty}`, gap: 18 },
      { text: `Policy No. PL-${row.licenseState}-${random.int(100_000, 999_999)}`, gap: 26 },
      { text: `Policy period: ${isoDay(startMs)} to ${isoDay(startMs + 365 * dayMs)}`, gap: 18 },
      { text: 'Limits of liability: $1,000,000 each claim / $3,000,000 aggregate', gap: 18 },
      { text: 'Coverage: claims made, with prior acts coverage', gap: 18 },
      { text: `Insurer: ${insurer}`, gap: 26 },
      {
        text: 'This certificate is issued as a matter of information only and confers no rights.',
        size: 9,
        gray: true,
        gap: 40,
      },
      { text: demoNotice, size: 9, gray: true, gap: 14 },
    ],
  });
}

function cvPdf(random: Random, doctor: DoctorSeed, uploadedAt: string): Buffer {
  const { row } = doctor;
  const graduated = new Date(doctor.createdAtMs).getUTCFullYear() - random.int(9, 26);
  const residency = graduated + random.int(5, 7);
  return onePagePdf({
    title: `Curriculum vitae, ${row.name}`,
    createdAt: uploadedAt,
    lines: [
      { text: 'Curriculum Vitae', size: 20, bold: true, gap: 0 },
      { text: `${row.name}, ${degreeOf(doctor)}`, size: 14, bold: true },
      { rule: true },
      { text: `${row.specialty} — ${row.practiceName}, ${row.city}, ${row.licenseState}`, gap: 22 },
      { text: 'Education and training', size: 13, bold: true, gap: 30 },
      {
        text: `${row.credential === 'DO' ? 'Doctor of Osteopathic Medicine' : 'Doctor of Medicine'}, ${graduated}`,
        gap: 20,
      },
      { text: `Residency in ${fieldOf(row.board ?? row.specialty)}, ${graduated + 1}–${residency}`, gap: 18 },
      { text: 'Licensure and certification', size: 13, bold: true, gap: 30 },
      {
        text: `${stateNames[row.licenseState] ?? row.licenseState} medical license ${row.licenseNumber}`,
        gap: 20,
      },
      { text: row.board ? `${row.board}` : 'No board certification', gap: 18 },
      { text: 'Practice', size: 13, bold: true, gap: 30 },
      { text: `${row.practiceName}, since ${residency + random.int(0, 4)}`, gap: 20 },
      { text: demoNotice, size: 9, gray: true, gap: 48 },
    ],
  });
}

/** What a doctor uploaded: nothing before they submit, and nothing past `documentedDoctors`. */
function draftsOf(random: Random, doctor: DoctorSeed, asOfMs: number): Draft[] {
  if (doctor.id > documentedDoctors || !doctor.submitted) return [];
  const { row } = doctor;
  // Uploaded while signing up, before anyone looked at the profile.
  const firstLookMs = doctor.decisions[0]?.atMs ?? asOfMs - hourMs;
  const latestMs = Math.min(firstLookMs - 10 * minuteMs, asOfMs - hourMs);
  let atMs = doctor.createdAtMs;
  const next = () =>
    (atMs = Math.min(latestMs, atMs + delay(random, 40 * minuteMs, 2 * minuteMs, 2 * dayMs)));
  const drafts: Draft[] = [];
  const licenseAtMs = next();
  drafts.push({
    kind: 'license',
    fileName: `medical-license-${row.licenseState.toLowerCase()}.pdf`,
    mediaType: 'application/pdf',
    bytes: licensePdf(random, doctor, isoTime(licenseAtMs)),
    uploadedAtMs: licenseAtMs,
  });
  if (row.board && row.boardCertified) {
    const certifiedYear = new Date(doctor.createdAtMs).getUTCFullYear() - random.int(1, 14);
    drafts.push({
      kind: 'board_certificate',
      fileName: random.pick(['board-certificate.jpg', 'diplomate-certificate.jpg', 'certificate-scan.jpg']),
      mediaType: 'image/jpeg',
      bytes: drawCertificate({
        board: row.board,
        holder: `${row.name}, ${degreeOf(doctor)}`,
        field: fieldOf(row.board),
        number: String(random.int(10_000, 99_999)),
        certifiedYear,
        throughYear: new Date(asOfMs).getUTCFullYear() + random.int(1, 8),
      }),
      uploadedAtMs: next(),
    });
  }
  if (random.chance(0.5)) {
    const uploadedAtMs = next();
    drafts.push({
      kind: 'insurance',
      fileName: 'malpractice-insurance.pdf',
      mediaType: 'application/pdf',
      bytes: insurancePdf(random, doctor, uploadedAtMs),
      uploadedAtMs,
    });
  }
  if (random.chance(0.3)) {
    const uploadedAtMs = next();
    drafts.push({
      kind: 'other',
      fileName: 'curriculum-vitae.pdf',
      mediaType: 'application/pdf',
      bytes: cvPdf(random, doctor, isoTime(uploadedAtMs)),
      uploadedAtMs,
    });
  }
  return drafts;
}

/**
 * Draws every seeded doctor's documents and lists them in the doctor's `documents` column. Ids
 * are given in order from 1, as the empty table will give them when `storeDocuments` inserts them.
 */
export async function seedDocuments(
  random: Random,
  doctors: readonly DoctorSeed[],
  asOfMs: number,
): Promise<SeededDocument[]> {
  const drafts = doctors.flatMap((doctor) =>
    draftsOf(random.fork(`documents-${doctor.id}`), doctor, asOfMs).map((draft) => ({ doctor, draft })),
  );
  const bytes = await Promise.all(drafts.map(({ draft }) => draft.bytes));
  const documents = drafts.map(({ doctor, draft }, i): SeededDocument => ({
    id: i + 1,
    doctorId: doctor.id,
    kind: draft.kind,
    fileName: draft.fileName,
    mediaType: draft.mediaType,
    bytes: bytes[i],
    sha256: createHash('sha256').update(bytes[i]).digest('hex'),
    uploadedAt: isoTime(draft.uploadedAtMs),
  }));
  const listed = new Map<number, DoctorDocument[]>();
  for (const { bytes: file, doctorId, ...document } of documents) {
    const list = listed.get(doctorId) ?? [];
    list.push({ ...document, byteLength: file.length, uploadedBy: null });
    listed.set(doctorId, list);
  }
  for (const doctor of doctors) doctor.row.documents = JSON.stringify(listed.get(doctor.id) ?? []);
  return documents;
}

/** Stores the documents after their doctors, checking that each gets the id its doctor lists. */
export async function storeDocuments(
  db: Kysely<Database>,
  storage: MediaStorage,
  documents: readonly SeededDocument[],
): Promise<void> {
  for (const { id, bytes, ...document } of documents) {
    await storage.put(mediaKeys.document(document.sha256), bytes);
    const stored = await insertDocument(db, {
      ...document,
      byteLength: bytes.length,
      uploadedBy: null,
    });
    if (stored !== id) throw new Error(`document ${id} was stored as ${stored}: the table was not empty`);
  }
}

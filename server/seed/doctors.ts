import type { Insertable } from 'kysely';
import type { Credential, LicenseStatus, VerificationStatus } from '../../src/domain/model';
import { npiCheckDigit } from '../../src/domain/npi';
import type { DoctorsTable } from '../db/schema';
import { dayMs, delay, historyMs, hourMs, isoDay, isoTime } from './calendar';
import { type Decision, decision, moderationColumns, type Staff } from './moderation';
import { type City, cities, fictionalPhone, firstNames, lastNames } from './people';
import type { Random } from './random';
import { allProcedures, fillers, type Procedure, toxins } from './treatments';

export interface Specialty {
  name: string;
  procedures: readonly Procedure[];
  board: { MD: string; DO: string };
  practices: readonly (readonly [name: string, domain: string])[];
}

const osteopathicSurgery = 'American Osteopathic Board of Surgery';
const osteopathicHeadNeck =
  'American Osteopathic Board of Ophthalmology and Otolaryngology – Head and Neck Surgery';

const skinCare: readonly Procedure[] = [
  'Laser resurfacing',
  'IPL photofacial',
  'Microneedling',
  'Chemical peel',
];

/** Practice names use {last}, {brand} and {city}; their web domains the same, squashed to a slug. */
export const specialties: Record<string, Specialty> = {
  plastic: {
    name: 'Plastic surgery',
    procedures: allProcedures,
    board: { MD: 'American Board of Plastic Surgery', DO: osteopathicSurgery },
    practices: [
      ['{last} Plastic Surgery', '{last}plasticsurgery'],
      ['{brand} Plastic Surgery', '{brand}plastics'],
      ['{city} Center for Plastic Surgery', '{city}plasticsurgery'],
      ['{brand} Aesthetic Surgery', '{brand}aesthetic'],
    ],
  },
  dermatology: {
    name: 'Dermatology',
    procedures: [...toxins, ...fillers, 'Kybella', 'CoolSculpting', ...skinCare],
    board: { MD: 'American Board of Dermatology', DO: 'American Osteopathic Board of Dermatology' },
    practices: [
      ['{last} Dermatology', '{last}derm'],
      ['{brand} Dermatology & Laser', '{brand}derm'],
      ['{brand} Skin Institute', '{brand}skin'],
      ['{city} Dermatology Associates', '{city}dermatology'],
    ],
  },
  facial: {
    name: 'Facial plastic surgery',
    procedures: [
      ...toxins,
      ...fillers,
      'Kybella',
      'Laser resurfacing',
      'Chemical peel',
      'Rhinoplasty',
      'Blepharoplasty',
      'Facelift',
    ],
    board: { MD: 'American Board of Otolaryngology – Head and Neck Surgery', DO: osteopathicHeadNeck },
    practices: [
      ['{last} Facial Plastics', '{last}facialplastics'],
      ['{brand} Facial Plastic Surgery', '{brand}face'],
      ['{brand} Face Center', '{brand}facecenter'],
    ],
  },
  oculoplastic: {
    name: 'Oculoplastic surgery',
    procedures: [...toxins, 'Under-eye filler', 'Blepharoplasty', 'Laser resurfacing'],
    board: { MD: 'American Board of Ophthalmology', DO: osteopathicHeadNeck },
    practices: [
      ['{last} Eyelid & Facial Surgery', '{last}eyelid'],
      ['{brand} Oculofacial', '{brand}oculofacial'],
      ['{city} Eye & Face', '{city}eyeandface'],
    ],
  },
  cosmetic: {
    name: 'Cosmetic surgery',
    procedures: [
      ...toxins,
      ...fillers,
      'Kybella',
      'CoolSculpting',
      'Liposuction',
      'Tummy tuck',
      'Breast augmentation',
      'Facelift',
      'Blepharoplasty',
    ],
    board: { MD: 'American Board of Cosmetic Surgery', DO: 'American Board of Cosmetic Surgery' },
    practices: [
      ['{brand} Cosmetic Surgery', '{brand}cosmetic'],
      ['{last} Body & Face', '{last}bodyandface'],
    ],
  },
  aesthetic: {
    name: 'Aesthetic medicine',
    procedures: [
      ...toxins,
      ...fillers,
      'Kybella',
      'CoolSculpting',
      'IPL photofacial',
      'Microneedling',
      'Chemical peel',
    ],
    board: {
      MD: 'International Board of Aesthetic Medicine',
      DO: 'International Board of Aesthetic Medicine',
    },
    practices: [
      ['{brand} MedSpa', '{brand}medspa'],
      ['{brand} Aesthetics', '{brand}aesthetics'],
      ['{last} Wellness & Aesthetics', 'dr{last}'],
    ],
  },
};

const brands = (
  'Glow Lumen Radiance Clearview Evergreen Bayside Summit Harbor Willow Juniper Aspen Magnolia Cedar Northstar ' +
  'Silverline Tidewater Halcyon Verdant Lakeshore Meridian Solstice Bellamy Luxe Serene Opal Ivory Coastal Skyline'
).split(' ');

/**
 * What is planted in each block of 40 doctors, in order; the first eight make the small test
 * fixture, so they hold the cases tests need most. Unlisted traits are clean.
 */
interface DoctorPlan {
  verification: VerificationStatus;
  specialty?: keyof typeof specialties;
  npi?: 'wrong check digit';
  license?: 'expired' | 'expired, still marked active' | 'expiring' | 'probation' | 'suspended';
  board?: 'board eligible' | 'cosmetic' | 'facial' | 'international';
}

const doctorPlans: DoctorPlan[] = [
  { verification: 'verified', specialty: 'plastic' },
  { verification: 'verified', specialty: 'dermatology' },
  { verification: 'pending', npi: 'wrong check digit' },
  { verification: 'verified', license: 'expired, still marked active' },
  { verification: 'verified', board: 'cosmetic' },
  { verification: 'suspended', license: 'suspended' },
  { verification: 'verified', license: 'expiring', specialty: 'facial' },
  { verification: 'unverified', board: 'international' },
  { verification: 'verified' },
  { verification: 'verified', license: 'probation' },
  { verification: 'rejected', npi: 'wrong check digit' },
  { verification: 'pending', board: 'board eligible', specialty: 'plastic' },
  { verification: 'verified', board: 'facial' },
  { verification: 'pending', license: 'expired' },
  { verification: 'verified', license: 'expiring' },
  { verification: 'unverified', npi: 'wrong check digit' },
  { verification: 'pending' },
  { verification: 'unverified' },
  { verification: 'verified', specialty: 'oculoplastic' },
  ...Array.from({ length: 21 }, (_, i): DoctorPlan => ({
    verification: i === 6 ? 'pending' : i === 13 ? 'unverified' : 'verified',
    specialty: i % 7 === 3 ? 'oculoplastic' : undefined,
  })),
];

export interface DoctorSeed {
  id: number;
  lastName: string;
  city: City;
  specialty: Specialty;
  practiceDomain: string | null;
  /** The practice's name squashed to letters: what an obfuscated web address spells out. */
  practiceSlug: string;
  createdAtMs: number;
  /** How many patients review this doctor, relative to the others. */
  popularity: number;
  verified: boolean;
  row: Insertable<DoctorsTable>;
  decisions: Decision[];
}

export function generateDoctors(random: Random, count: number, asOfMs: number, staff: Staff): DoctorSeed[] {
  const startMs = asOfMs - historyMs;
  const usedNpis = new Set<string>();
  const usedNames = new Set<string>();
  const usedDomains = new Map<string, number>();
  const doctors: Omit<DoctorSeed, 'id'>[] = [];

  for (let index = 0; index < count; index++) {
    const plan = doctorPlans[index % doctorPlans.length];
    const specialty = specialties[plan.specialty ?? specialtyOf(random, plan)];
    const credential: Credential = random.chance(0.12) ? 'DO' : 'MD';
    let firstName: string;
    let lastName: string;
    do {
      firstName = random.pick(firstNames);
      lastName = random.pick(lastNames);
    } while (
      usedNames.has(`${firstName} ${lastName}`) &&
      usedNames.size < (firstNames.length * lastNames.length) / 2
    );
    usedNames.add(`${firstName} ${lastName}`);
    const city = random.pick(cities);

    let practiceName: string;
    let slugBase: string;
    let tries = 0;
    do {
      const [practiceTemplate, domainTemplate] = random.pick(specialty.practices);
      const brand = random.pick(brands);
      const fill = (template: string, squash: (text: string) => string) =>
        template
          .replace('{last}', squash(lastName))
          .replace('{brand}', squash(brand))
          .replace('{city}', squash(city.name));
      practiceName = fill(practiceTemplate, (text) => text);
      slugBase = fill(domainTemplate, (text) => text.toLowerCase().replace(/[^a-z]/g, ''));
    } while (usedDomains.has(slugBase) && ++tries < 5);
    const taken = usedDomains.get(slugBase) ?? 0;
    usedDomains.set(slugBase, taken + 1);
    const practiceSlug = taken === 0 ? slugBase : `${slugBase}${taken + 1}`;
    const practiceDomain = random.chance(0.9) ? `${practiceSlug}.example` : null;

    const createdAtMs = joinedAt(random, plan.verification, startMs, asOfMs);
    const decisions = verificationHistory(random, plan, createdAtMs, asOfMs, staff);
    const verifications = decisions.filter((d) => d.action === 'verify');
    const lastVerification = verifications[verifications.length - 1];
    const { licenseStatus, licenseExpiresOn } = license(random, plan, asOfMs);

    doctors.push({
      lastName,
      city,
      specialty,
      practiceDomain,
      practiceSlug,
      createdAtMs,
      popularity: Math.exp(random.normal() * 0.8),
      verified: plan.verification === 'verified',
      decisions,
      row: {
        name: `${firstName} ${lastName}`,
        credential,
        specialty: specialty.name,
        practiceName,
        practiceDomain,
        practicePhone: random.chance(0.95) ? fictionalPhone(random, city.areaCode) : null,
        city: city.name,
        npi: npi(random, usedNpis, plan.npi === 'wrong check digit'),
        licenseState: city.state,
        licenseNumber: licenseNumber(random, city.state, credential),
        licenseStatus,
        licenseExpiresOn,
        ...boardOf(plan, specialty, credential),
        verificationStatus: plan.verification,
        verifiedAt: lastVerification ? isoTime(lastVerification.atMs) : null,
        verifiedBy: lastVerification?.actorId ?? null,
        documents: JSON.stringify(plan.verification === 'unverified' ? [] : documentsOf(random, city.state)),
        ...moderationColumns(decisions),
        createdAt: isoTime(createdAtMs),
      },
    });
  }
  // Ids follow sign-up order, as an auto-increment key would.
  return doctors.sort((a, b) => a.createdAtMs - b.createdAtMs).map((doctor, i) => ({ ...doctor, id: i + 1 }));
}

function specialtyOf(random: Random, plan: DoctorPlan): keyof typeof specialties {
  if (plan.board === 'cosmetic') return 'cosmetic';
  if (plan.board === 'international') return 'aesthetic';
  if (plan.board === 'facial') return 'facial';
  return random.weighted([
    ['plastic', 38],
    ['dermatology', 38],
    ['facial', 16],
    ['oculoplastic', 8],
  ]);
}

/** Most doctors joined when the site opened; the ones waiting for verification signed up lately. */
function joinedAt(random: Random, verification: VerificationStatus, startMs: number, asOfMs: number): number {
  if (verification === 'pending') return asOfMs - random.float(2, 40) * dayMs;
  if (verification === 'unverified') return random.float(startMs, asOfMs - dayMs);
  if (random.chance(0.55)) return startMs + random.float(0, 90) * dayMs;
  return random.float(startMs, asOfMs - 45 * dayMs);
}

function verificationHistory(
  random: Random,
  plan: DoctorPlan,
  createdAtMs: number,
  asOfMs: number,
  staff: Staff,
): Decision[] {
  const firstLookMs = createdAtMs + delay(random, 3 * dayMs, 2 * hourMs, 20 * dayMs);
  const verifier = random.pick(staff.verifiers);
  switch (plan.verification) {
    case 'pending':
    case 'unverified':
      return [];
    case 'rejected':
      return [
        decision(
          firstLookMs,
          verifier,
          'reject',
          'pending',
          'rejected',
          'npi_invalid',
          'The NPI fails its check digit and the registry has no provider under this name.',
        ),
      ];
    case 'verified':
    case 'suspended': {
      const decisions = [
        decision(
          firstLookMs,
          verifier,
          'verify',
          'pending',
          'verified',
          null,
          random.chance(0.3) ? 'License, board certificate and NPI registry entry match the profile.' : null,
        ),
      ];
      // Verifications older than a year are mostly renewed; the rest wait for the re-verification sweep.
      if (asOfMs - firstLookMs > 365 * dayMs && random.chance(0.6)) {
        const renewedMs = asOfMs - random.float(10, 330) * dayMs;
        decisions.push(
          decision(
            renewedMs,
            random.pick(staff.verifiers),
            'verify',
            'verified',
            'verified',
            null,
            'Yearly re-verification: license and board status checked again.',
          ),
        );
      }
      if (plan.verification === 'suspended') {
        const sinceMs = decisions[decisions.length - 1].atMs;
        const suspendedMs = sinceMs + (asOfMs - sinceMs) * random.float(0.5, 0.95);
        decisions.push(
          decision(
            suspendedMs,
            random.pick(staff.seniors),
            'suspend',
            'verified',
            'suspended',
            'license_suspended',
            'The state medical board suspended the license; public order on file.',
          ),
        );
      }
      return decisions;
    }
  }
}

function license(
  random: Random,
  plan: DoctorPlan,
  asOfMs: number,
): { licenseStatus: LicenseStatus; licenseExpiresOn: string } {
  const inDays = (days: number) => isoDay(asOfMs + days * dayMs);
  switch (plan.license) {
    case 'expired':
      return { licenseStatus: 'expired', licenseExpiresOn: inDays(-random.int(40, 200)) };
    case 'expired, still marked active':
      return { licenseStatus: 'active', licenseExpiresOn: inDays(-random.int(3, 20)) };
    case 'expiring':
      return { licenseStatus: 'active', licenseExpiresOn: inDays(random.int(4, 28)) };
    case 'probation':
      return { licenseStatus: 'probation', licenseExpiresOn: inDays(random.int(120, 700)) };
    case 'suspended':
      return { licenseStatus: 'suspended', licenseExpiresOn: inDays(random.int(60, 500)) };
    default:
      return { licenseStatus: 'active', licenseExpiresOn: inDays(random.int(45, 900)) };
  }
}

function boardOf(
  plan: DoctorPlan,
  specialty: Specialty,
  credential: Credential,
): { board: string; boardCertified: number } {
  switch (plan.board) {
    case 'board eligible':
      return { board: `Board eligible – ${specialty.board.MD}`, boardCertified: 0 };
    case 'facial':
      return { board: 'American Board of Facial Plastic and Reconstructive Surgery', boardCertified: 1 };
    default:
      return { board: specialty.board[credential], boardCertified: 1 };
  }
}

/** Ten digits starting with 1 or 2 and, unless planted otherwise, a correct check digit. */
function npi(random: Random, used: Set<string>, wrongCheckDigit: boolean): string {
  for (;;) {
    const first9 = `${random.int(1, 2)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
    const check = npiCheckDigit(first9);
    const value = `${first9}${wrongCheckDigit ? (check + random.int(1, 9)) % 10 : check}`;
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
}

function licenseNumber(random: Random, state: string, credential: Credential): string {
  switch (state) {
    case 'CA':
      return `${credential === 'DO' ? '20A' : 'A'}${random.int(40_000, 189_999)}`;
    case 'TX':
      return `${random.pick(['N', 'P', 'Q', 'R', 'S'])}${random.int(1000, 9999)}`;
    case 'FL':
      return `${credential === 'DO' ? 'OS' : 'ME'}${random.int(50_000, 149_999)}`;
    case 'NY':
      return String(random.int(200_000, 329_999));
    default:
      return `${credential === 'DO' ? 'DO' : 'MD'}${random.int(10_000, 99_999)}`;
  }
}

function documentsOf(random: Random, state: string): string[] {
  const documents = [
    `medical-license-${state.toLowerCase()}.pdf`,
    'board-certificate.pdf',
    'government-id.pdf',
  ];
  if (random.chance(0.5)) documents.push('malpractice-insurance.pdf');
  if (random.chance(0.3)) documents.push('curriculum-vitae.pdf');
  return documents;
}

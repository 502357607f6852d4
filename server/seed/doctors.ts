import type { Insertable } from 'kysely';
import type { BoardOrder, Credential, LicenseStatus, VerificationStatus } from '../../src/domain/model';
import { npiCheckDigit } from '../../src/domain/npi';
import { doctorRules } from '../../src/domain/rules/doctors';
import type { DoctorsTable } from '../db/schema';
import { dayMs, delay, historyMs, hourMs, isoDay, isoTime } from './calendar';
import { type Decision, decision, moderationColumns, type Staff } from './moderation';
import { nppesAnswer, type RecordedAnswer, type RegistryPlant } from './nppes';
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
  registry?: RegistryPlant;
  /** A public order of the licensing board, of this kind. */
  boardOrder?: 'reprimand' | 'probation' | 'suspension';
  /** Verified more than a year ago and not renewed since. */
  verifiedAt?: 'stale';
  /** Sent back to the doctor for the documents the profile lacked. */
  askedForDocuments?: boolean;
}

const doctorPlans: DoctorPlan[] = [
  { verification: 'verified', specialty: 'plastic' },
  { verification: 'verified', specialty: 'dermatology' },
  { verification: 'pending', npi: 'wrong check digit' },
  { verification: 'verified', license: 'expired, still marked active' },
  { verification: 'pending', registry: 'another person' },
  { verification: 'suspended', license: 'suspended', boardOrder: 'suspension' },
  { verification: 'verified', registry: 'deactivated' },
  { verification: 'unverified', board: 'international' },
  { verification: 'verified' },
  { verification: 'verified', license: 'probation', boardOrder: 'probation' },
  { verification: 'rejected', npi: 'wrong check digit' },
  { verification: 'pending', board: 'board eligible', specialty: 'plastic' },
  { verification: 'verified', board: 'facial' },
  { verification: 'pending', license: 'expired' },
  { verification: 'verified', license: 'expiring' },
  { verification: 'unverified', npi: 'wrong check digit' },
  { verification: 'pending', registry: 'not found' },
  { verification: 'unverified', askedForDocuments: true },
  { verification: 'verified', specialty: 'oculoplastic' },
  { verification: 'verified', board: 'cosmetic' },
  { verification: 'awaiting_confirmation', specialty: 'dermatology' },
  { verification: 'pending', registry: 'organisation' },
  { verification: 'verified', specialty: 'oculoplastic', verifiedAt: 'stale' },
  { verification: 'verified', license: 'expiring', specialty: 'facial' },
  { verification: 'pending', boardOrder: 'reprimand' },
  { verification: 'awaiting_confirmation' },
  { verification: 'pending', registry: 'other license' },
  ...Array.from({ length: 13 }, (_, i): DoctorPlan => ({
    verification: i === 2 ? 'pending' : i === 5 ? 'unverified' : 'verified',
    specialty: i % 7 === 2 ? 'oculoplastic' : undefined,
  })),
];

/** The doctor rules a plan's traits fail, in the rules' order. */
function plantedRules(plan: DoctorPlan): string[] {
  const failing = new Set<string>();
  if (plan.npi) failing.add('DOC_NPI_FORMAT').add('DOC_NPI_REGISTRY');
  if (plan.registry) failing.add('DOC_NPI_REGISTRY');
  if (plan.license === 'expired') failing.add('DOC_LICENSE_STATUS').add('DOC_LICENSE_EXPIRY');
  if (plan.license === 'expired, still marked active' || plan.license === 'expiring')
    failing.add('DOC_LICENSE_EXPIRY');
  if (plan.license === 'probation' || plan.license === 'suspended') failing.add('DOC_LICENSE_STATUS');
  if (plan.board) failing.add('DOC_BOARD');
  if (plan.boardOrder) failing.add('DOC_DISCIPLINE');
  if (plan.verifiedAt === 'stale') failing.add('DOC_REVERIFY');
  return doctorRules.map((rule) => rule.id).filter((id) => failing.has(id));
}

/** Whether the plan leaves a doctor verified with no doctor rule failing at block: fit to answer. */
function inGoodStanding(plan: DoctorPlan): boolean {
  const blocked =
    plan.npi !== undefined ||
    (plan.registry !== undefined &&
      plan.registry !== 'another person' &&
      plan.registry !== 'other license') ||
    (plan.license !== undefined && plan.license !== 'expiring' && plan.license !== 'probation');
  return plan.verification === 'verified' && !blocked;
}

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
  /** Verified, and no doctor rule fails at block: an answer by this doctor may be published. */
  goodStanding: boolean;
  /** The doctor sent their profile in for verification (so uploaded their documents). */
  submitted: boolean;
  /** The doctor rules the planted traits fail; none for an honest doctor. */
  plantedRules: string[];
  /** What the NPI registry answers about the doctor's NPI. */
  registry: RecordedAnswer;
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

    const createdAtMs = joinedAt(random, plan, startMs, asOfMs);
    const decisions = verificationHistory(random, plan, createdAtMs, asOfMs, staff);
    const confirmations = decisions.filter((d) => d.action === 'verify' && d.toStatus === 'verified');
    const lastVerification = confirmations[confirmations.length - 1];
    const { licenseStatus, licenseExpiresOn } = license(random, plan, asOfMs);
    const practicePhone = random.chance(0.95) ? fictionalPhone(random, city.areaCode) : null;
    const npiNumber = npi(random, usedNpis, plan.npi === 'wrong check digit');
    const licenseNo = licenseNumber(random, city.state, credential);

    // What the registry knows, and how the profile writes the name, come from a stream of their
    // own, so the doctors' other traits (and every table seeded from them) stay as they were.
    const registryRandom = random.fork(`registry-${index}`);
    const sex = firstNames.indexOf(firstName) < firstNames.indexOf('James') ? 'F' : 'M';
    const middleName = registryRandom.chance(0.6) ? registryRandom.pick(middleNames[sex]) : null;
    // Some doctors put their middle initial on the profile; the registry has the whole name.
    const name =
      middleName && registryRandom.chance(0.25)
        ? `${firstName} ${middleName[0]}. ${lastName}`
        : `${firstName} ${lastName}`;
    const other = otherPhysician(registryRandom, firstName, lastName, licenseNo, city.state, credential);
    const registry = nppesAnswer(
      registryRandom,
      {
        npi: npiNumber,
        firstName,
        lastName,
        middleName,
        sex,
        credential,
        specialty: specialty.name.toLowerCase(),
        licenseState: city.state,
        licenseNumber: licenseNo,
        practiceName,
        practicePhone,
        city,
        createdAtMs,
      },
      asOfMs,
      plan.npi ? 'not found' : plan.registry,
      other,
    );

    doctors.push({
      lastName,
      city,
      specialty,
      practiceDomain,
      practiceSlug,
      createdAtMs,
      popularity: Math.exp(random.normal() * 0.8),
      verified: plan.verification === 'verified',
      goodStanding: inGoodStanding(plan),
      submitted: plan.verification !== 'unverified',
      plantedRules: plantedRules(plan),
      registry,
      decisions,
      row: {
        name,
        credential,
        specialty: specialty.name,
        practiceName,
        practiceDomain,
        practicePhone,
        city: city.name,
        npi: npiNumber,
        licenseState: city.state,
        licenseNumber: licenseNo,
        licenseStatus,
        licenseExpiresOn,
        ...boardOf(plan, specialty, credential),
        verificationStatus: plan.verification,
        verifiedAt: lastVerification ? isoTime(lastVerification.atMs) : null,
        verifiedBy: lastVerification?.actorId ?? null,
        documents: '[]',
        boardOrders: JSON.stringify(
          boardOrdersOf(registryRandom, plan, city.state, licenseNo, decisions, asOfMs),
        ),
        ...moderationColumns(decisions),
        createdAt: isoTime(createdAtMs),
      },
    });
  }
  // Ids follow sign-up order, as an auto-increment key would.
  return doctors.sort((a, b) => a.createdAtMs - b.createdAtMs).map((doctor, i) => ({ ...doctor, id: i + 1 }));
}

const middleNames = {
  F: ['Ann', 'Marie', 'Elena', 'Louise', 'Rose', 'Jean', 'Lynn', 'Grace', 'Kay', 'Beth', 'Noelle', 'Priya'],
  M: ['James', 'Alan', 'Lee', 'Ray', 'Joseph', 'Thomas', 'Edward', 'Wayne', 'Scott', 'Paul', 'Jun', 'Arjun'],
} as const;

/** States where doctors of the cosmetic specialties often hold a second license. */
const secondLicenseStates = ['CA', 'TX', 'FL', 'NY', 'NV', 'AZ', 'CO', 'WA', 'IL', 'GA'];

/** The physician an NPI really belongs to when a profile gives someone else's, and another license. */
function otherPhysician(
  random: Random,
  firstName: string,
  lastName: string,
  license: string,
  state: string,
  credential: Credential,
) {
  let other: { firstName: string; lastName: string };
  do other = { firstName: random.pick(firstNames), lastName: random.pick(lastNames) };
  while (other.firstName === firstName || other.lastName === lastName);
  let otherLicense: string;
  do otherLicense = licenseNumber(random, state, credential);
  while (otherLicense === license);
  const sex: 'F' | 'M' = firstNames.indexOf(other.firstName) < firstNames.indexOf('James') ? 'F' : 'M';
  const secondState = random.pick(secondLicenseStates.filter((s) => s !== state));
  const secondLicense = { state: secondState, number: licenseNumber(random, secondState, credential) };
  return { ...other, sex, license: otherLicense, secondLicense };
}

/**
 * The public board orders a verifier found: the suspension behind a suspended license, the
 * probation behind a license on probation (both after the doctor was verified), and an older
 * reprimand about advertising.
 */
function boardOrdersOf(
  random: Random,
  plan: DoctorPlan,
  state: string,
  license: string,
  decisions: readonly Decision[],
  asOfMs: number,
): BoardOrder[] {
  const confirmed = decisions.filter((d) => d.toStatus === 'verified').map((d) => d.atMs);
  const verifiedMs = confirmed.length > 0 ? Math.max(...confirmed) : asOfMs - 200 * dayMs;
  switch (plan.boardOrder) {
    case undefined:
      return [];
    case 'suspension': {
      const suspendedMs = decisions.find((d) => d.action === 'suspend')?.atMs ?? asOfMs - 30 * dayMs;
      return [
        {
          state,
          kind: 'suspension',
          orderedOn: isoDay(suspendedMs - random.float(2, 9) * dayMs),
          summary: `Emergency suspension of license ${license} pending a hearing: the Board found that continued practice endangered patients after two patients were hospitalised following office liposuction under sedation without a monitoring anesthesia provider.`,
        },
      ];
    }
    case 'probation':
      return [
        {
          state,
          kind: 'probation',
          orderedOn: isoDay(verifiedMs + (asOfMs - verifiedMs) * random.float(0.2, 0.7)),
          summary:
            'Two years of probation with a practice monitor: botulinum toxin and filler injections were delegated to unlicensed staff without on-site physician supervision. Terms include 20 hours of continuing education in patient safety and quarterly monitor reports.',
        },
      ];
    case 'reprimand':
      return [
        {
          state,
          kind: 'reprimand',
          orderedOn: isoDay(asOfMs - random.float(400, 1500) * dayMs),
          summary:
            'Public reprimand and a $5,000 fine for advertising as "board certified" without naming the certifying board, and for before-and-after photographs without the required disclosures.',
        },
      ];
  }
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
function joinedAt(random: Random, plan: DoctorPlan, startMs: number, asOfMs: number): number {
  const { verification } = plan;
  if (verification === 'pending' || verification === 'awaiting_confirmation') {
    return asOfMs - random.float(2, 40) * dayMs;
  }
  if (verification === 'unverified') return random.float(startMs, asOfMs - dayMs);
  if (plan.verifiedAt === 'stale') return startMs + random.float(0, 60) * dayMs;
  if (random.chance(0.55)) return startMs + random.float(0, 90) * dayMs;
  return random.float(startMs, asOfMs - 45 * dayMs);
}

/** The verifications of a doctor hold this long; then the daily sweep puts them back in the queue. */
const verificationMonths = 12;

const renewalDue = (verifiedMs: number) => {
  const due = new Date(verifiedMs);
  due.setUTCMonth(due.getUTCMonth() + verificationMonths);
  return due.getTime();
};

/**
 * A verification under four-eyes: one verifier finds the credentials good, and another confirms
 * (the first verifier cannot). Both happen before `latestMs`.
 */
function fourEyes(
  random: Random,
  staff: Staff,
  fromMs: number,
  latestMs: number,
  from: 'pending',
  notes: { first: string | null; second: string | null },
): Decision[] {
  const first = random.pick(staff.verifiers);
  const others = staff.verifiers.filter((id) => id !== first);
  const second = random.pick(others.length > 0 ? others : staff.seniors.filter((id) => id !== first));
  const firstMs = fromMs;
  const secondMs =
    firstMs + Math.min(delay(random, 8 * hourMs, 20 * 60_000, 3 * dayMs), (latestMs - firstMs) * 0.8);
  return [
    decision(firstMs, first, 'verify', from, 'awaiting_confirmation', null, notes.first),
    decision(secondMs, second, 'verify', 'awaiting_confirmation', 'verified', null, notes.second),
  ];
}

const firstNotes = [
  'License, board certificate and NPI registry entry match the profile.',
  'State board lookup shows the license active; the certificate matches the board named.',
  'Registry name, license and specialty agree with the profile and the uploaded license.',
];

const confirmNotes = [
  'Confirmed: checked the board lookup and the certificate myself.',
  'Second check done; same result.',
  'Confirmed against the registry and the state board.',
];

function verificationHistory(
  random: Random,
  plan: DoctorPlan,
  createdAtMs: number,
  asOfMs: number,
  staff: Staff,
): Decision[] {
  const latestMs = asOfMs - hourMs;
  const firstLookMs = Math.min(
    createdAtMs + delay(random, 3 * dayMs, 2 * hourMs, 20 * dayMs),
    latestMs - 6 * hourMs,
  );
  const note = (notes: readonly string[], chance: number) =>
    random.chance(chance) ? random.pick(notes) : null;
  switch (plan.verification) {
    case 'pending':
      return [];
    case 'unverified':
      if (!plan.askedForDocuments) return [];
      return [
        decision(
          firstLookMs,
          random.pick(staff.verifiers),
          'request_info',
          'pending',
          'unverified',
          'documents_missing',
          'No license or board certificate uploaded; asked the doctor for both.',
        ),
      ];
    case 'rejected':
      return [
        decision(
          firstLookMs,
          random.pick(staff.verifiers),
          'reject',
          'pending',
          'rejected',
          'npi_invalid',
          'The NPI fails its check digit and the registry has no provider under this name.',
        ),
      ];
    case 'awaiting_confirmation':
      // The first verifier said yes; a second one has yet to confirm.
      return fourEyes(random, staff, firstLookMs, latestMs, 'pending', {
        first: note(firstNotes, 0.5),
        second: null,
      }).slice(0, 1);
    case 'verified':
    case 'suspended': {
      const decisions = fourEyes(random, staff, firstLookMs, latestMs, 'pending', {
        first: note(firstNotes, 0.3),
        second: note(confirmNotes, 0.2),
      });
      // A verification a year old goes back to the queue and is verified again, by two verifiers;
      // a planted stale one is older than a year and was never renewed.
      for (;;) {
        if (plan.verifiedAt === 'stale') break;
        const verifiedMs = decisions[decisions.length - 1].atMs;
        const dueMs = renewalDue(verifiedMs);
        if (dueMs > asOfMs) break;
        // The sweep runs once a day; a due date in the last hours was taken up early by a verifier.
        const sweptMs = dueMs + random.float(0.05, 0.9) * dayMs;
        const early = sweptMs > latestMs - 6 * hourMs;
        const startMs = early
          ? Math.min(dueMs, latestMs - 6 * hourMs) - random.float(1, 5) * hourMs
          : sweptMs;
        decisions.push(
          decision(
            startMs,
            early ? random.pick(staff.verifiers) : null,
            'reverify',
            'verified',
            'pending',
            null,
            early
              ? 'Yearly re-verification is due; starting it now.'
              : `Daily sweep, DOC_REVERIFY: Last verified on ${isoDay(verifiedMs)}: re-verification is due`,
          ),
        );
        const againMs =
          startMs + Math.min(delay(random, 36 * hourMs, hourMs, 10 * dayMs), (latestMs - startMs) * 0.5);
        decisions.push(
          ...fourEyes(random, staff, againMs, latestMs, 'pending', {
            first: 'Yearly re-verification: license and board status checked again.',
            second: note(confirmNotes, 0.3),
          }),
        );
      }
      if (plan.verification === 'suspended') {
        const sinceMs = decisions[decisions.length - 1].atMs;
        const suspendedMs = sinceMs + (latestMs - sinceMs) * random.float(0.5, 0.95);
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

import type { Credential } from '../../src/domain/model';
import { specialtyTaxonomies } from '../../src/domain/credentials';
import { dayMs, isoDay } from './calendar';
import type { City } from './people';
import type { Random } from './random';

/**
 * What the public NPI Registry (NPPES, API version 2.1) answers for `?version=2.1&number={npi}`
 * about each seeded doctor: the demo registry replays these bodies to the real NPPES adapter. The
 * registry writes names in capitals and credentials as each provider typed them ("M.D.", "MD",
 * "M.D., FACS" or nothing), lists a taxonomy per license, and publishes no deactivated NPI at all.
 */

/** How the registry's answer differs from the doctor's profile; absent, it agrees with it. */
export type RegistryPlant =
  /** The NPI is another physician's: another name, and that physician's license. */
  | 'another person'
  /** A well-formed NPI that was never issued. */
  | 'not found'
  /**
   * An NPI deactivated since the doctor was verified. NPPES stops publishing a deactivated NPI,
   * so the registry answers as it does for one never issued: a result count of 0.
   */
  | 'deactivated'
  /** The doctor's NPI, registered under another license number in the same state. */
  | 'other license'
  /** The practice's organisation NPI (NPI-2) instead of the doctor's own. */
  | 'organisation';

export interface RegisteredDoctor {
  npi: string;
  firstName: string;
  lastName: string;
  /** The middle name the doctor registered, when they gave one. */
  middleName: string | null;
  sex: 'F' | 'M';
  credential: Credential;
  /** The key of `specialtyTaxonomies`: the profile's specialty in lower case. */
  specialty: string;
  licenseState: string;
  licenseNumber: string;
  practiceName: string;
  practicePhone: string | null;
  city: City;
  createdAtMs: number;
}

export interface RecordedAnswer {
  status: number;
  body: string;
}

/** The answer for an NPI the registry does not publish. */
export const noResult: RecordedAnswer = {
  status: 200,
  body: JSON.stringify({ result_count: 0, results: [] }),
};

/** The descriptions NPPES gives the taxonomy codes a seeded doctor may be registered under (NUCC). */
const taxonomyNames: Record<string, string> = {
  '208200000X': 'Plastic Surgery',
  '2082S0099X': 'Plastic Surgery, Plastic Surgery Within the Head and Neck',
  '2082S0105X': 'Plastic Surgery, Surgery of the Hand',
  '207N00000X': 'Dermatology',
  '207ND0101X': 'Dermatology, MOHS-Micrographic Surgery',
  '207ND0900X': 'Dermatology, Dermatopathology',
  '207NS0135X': 'Dermatology, Procedural Dermatology',
  '207NI0002X': 'Dermatology, Clinical & Laboratory Dermatological Immunology',
  '207YS0123X': 'Otolaryngology, Facial Plastic Surgery',
  '207Y00000X': 'Otolaryngology',
  '207WX0200X': 'Ophthalmology, Ophthalmic Plastic and Reconstructive Surgery',
  '207W00000X': 'Ophthalmology',
  '208600000X': 'Surgery',
  '2086S0122X': 'Surgery, Plastic and Reconstructive Surgery',
  '207V00000X': 'Obstetrics & Gynecology',
  '207Q00000X': 'Family Medicine',
  '207R00000X': 'Internal Medicine',
  '208D00000X': 'General Practice',
  '207P00000X': 'Emergency Medicine',
  '193400000X': 'Single Specialty',
};

/** The code most doctors of a specialty register first, and the ones some register instead. */
const usualTaxonomy: Record<string, readonly (readonly [code: string, weight: number])[]> = {
  'plastic surgery': [
    ['208200000X', 80],
    ['2082S0099X', 14],
    ['2082S0105X', 6],
  ],
  dermatology: [
    ['207N00000X', 70],
    ['207NS0135X', 14],
    ['207ND0101X', 12],
    ['207ND0900X', 4],
  ],
  'facial plastic surgery': [
    ['207YS0123X', 70],
    ['207Y00000X', 30],
  ],
  'oculoplastic surgery': [
    ['207WX0200X', 75],
    ['207W00000X', 25],
  ],
  'cosmetic surgery': [
    ['208600000X', 45],
    ['2086S0122X', 20],
    ['207V00000X', 15],
    ['207N00000X', 20],
  ],
  'aesthetic medicine': [
    ['207Q00000X', 40],
    ['207R00000X', 20],
    ['208D00000X', 15],
    ['207P00000X', 25],
  ],
};

const credentialSpellings: Record<Credential, readonly (readonly [string | null, number])[]> = {
  MD: [
    ['M.D.', 55],
    ['MD', 25],
    ['M.D., FACS', 8],
    ['M.D., PH.D.', 4],
    [null, 8],
  ],
  DO: [
    ['D.O.', 60],
    ['DO', 25],
    ['D.O., FACOS', 7],
    [null, 8],
  ],
};

/** The first three digits of the ZIP codes of each seeded city. */
const zipPrefixes: Record<string, string> = {
  Austin: '787',
  Dallas: '752',
  Houston: '770',
  'San Antonio': '782',
  Miami: '331',
  Tampa: '336',
  'Boca Raton': '334',
  Orlando: '328',
  Atlanta: '303',
  Charlotte: '282',
  Raleigh: '276',
  Nashville: '372',
  'New York': '100',
  Brooklyn: '112',
  Boston: '021',
  Philadelphia: '191',
  Pittsburgh: '152',
  Chicago: '606',
  Columbus: '432',
  Cleveland: '441',
  Detroit: '482',
  Minneapolis: '554',
  Denver: '802',
  Scottsdale: '852',
  Phoenix: '850',
  'Las Vegas': '891',
  'Beverly Hills': '902',
  'San Diego': '921',
  'San Francisco': '941',
  'Newport Beach': '926',
  Sacramento: '958',
  Seattle: '981',
  Portland: '972',
  'Salt Lake City': '841',
  'Kansas City': '641',
  'St. Louis': '631',
  'New Orleans': '701',
  Baltimore: '212',
  Richmond: '232',
  Louisville: '402',
  'Oklahoma City': '731',
  Omaha: '681',
  Birmingham: '352',
  Charleston: '294',
  Honolulu: '968',
};

const streets = [
  'MEDICAL PKWY',
  'PROFESSIONAL DR',
  'HEALTH PARK BLVD',
  'MAIN ST',
  'PARK AVE',
  'CENTER ST',
  'LAKESHORE DR',
  'WASHINGTON BLVD',
  'COLLEGE AVE',
  'RIVERSIDE DR',
  'MAPLE AVE',
  'HIGHLAND AVE',
  'BROADWAY',
  'SUNSET BLVD',
  'OAK ST',
  'MEDICAL CENTER DR',
  'HOSPITAL DR',
  'WILLOW CREEK RD',
];

const organisationSuffixes = ['PLLC', 'PA', 'LLC', 'INC', 'PC', 'MEDICAL GROUP INC'];

const upper = (text: string) => text.toUpperCase();

/** NPPES gives the enumeration and update days again as epoch milliseconds, in strings. */
const epochMs = (day: string) => String(Date.parse(`${day}T00:00:00Z`));

interface Dates {
  enumerated: string;
  updated: string;
}

function registryDates(random: Random, createdAtMs: number, asOfMs: number): Dates {
  // An NPI is issued once, at the start of residency; profiles here are of doctors years into practice.
  const latestMs = Math.min(createdAtMs - 400 * dayMs, asOfMs - 3 * 365 * dayMs);
  const earliestMs = Math.min(Date.parse('2006-01-01T00:00:00Z'), latestMs - 365 * dayMs);
  const enumeratedMs = random.float(earliestMs, latestMs);
  const updatedMs = random.float(enumeratedMs + 30 * dayMs, asOfMs - 7 * dayMs);
  return { enumerated: isoDay(enumeratedMs), updated: isoDay(updatedMs) };
}

function address(
  random: Random,
  purpose: 'LOCATION' | 'MAILING',
  city: City,
  phone: string,
): Record<string, string> {
  const prefix = zipPrefixes[city.name] ?? '100';
  const zip5 = `${prefix}${String(random.int(1, 99)).padStart(2, '0')}`;
  const postal = random.chance(0.8) ? `${zip5}${String(random.int(1000, 9999))}` : zip5;
  const pobox = purpose === 'MAILING' && random.chance(0.5);
  return {
    country_code: 'US',
    country_name: 'United States',
    address_purpose: purpose,
    address_type: 'DOM',
    address_1: pobox
      ? `PO BOX ${random.int(100, 99_999)}`
      : `${random.int(100, 9999)} ${random.pick(streets)}`,
    ...(pobox || random.chance(0.4)
      ? {}
      : { address_2: `STE ${random.int(1, 9)}${random.int(0, 2)}${random.int(0, 9)}` }),
    city: upper(city.name),
    state: city.state,
    postal_code: postal,
    telephone_number: phone,
    ...(random.chance(0.5) ? { fax_number: phone.replace(/\d{2}$/, String(random.int(10, 99))) } : {}),
  };
}

/** "(713) 555-0143" as NPPES writes it: 713-555-0143. */
const registryPhone = (phone: string) => phone.replace(/^\((\d{3})\) /, '$1-');

/** License numbers as a board's own lookup and NPPES sometimes write them: with a space or dash. */
function writtenLicense(random: Random, license: string): string {
  const match = /^([A-Z]+)(\d+)$/.exec(license);
  if (!match || !random.chance(0.3)) return license;
  return `${match[1]}${random.pick([' ', '-'])}${match[2]}`;
}

function taxonomy(code: string, state: string, license: string | null, primary: boolean) {
  return {
    code,
    taxonomy_group: '',
    desc: taxonomyNames[code] ?? code,
    state,
    license: license ?? '',
    primary,
  };
}

/**
 * The registry's answer about one seeded doctor. `other` gives another number for the same state
 * when the plant needs one, and the name of the physician an NPI really belongs to.
 */
export function nppesAnswer(
  random: Random,
  doctor: RegisteredDoctor,
  asOfMs: number,
  plant: RegistryPlant | undefined,
  other: {
    license: string;
    firstName: string;
    lastName: string;
    sex: 'F' | 'M';
    /** A license the doctor holds in another state, which some register too. */
    secondLicense: { state: string; number: string };
  },
): RecordedAnswer {
  if (plant === 'not found' || plant === 'deactivated') return noResult;
  const dates = registryDates(random, doctor.createdAtMs, asOfMs);
  const phone = registryPhone(
    doctor.practicePhone ?? `(${doctor.city.areaCode}) 555-01${random.int(10, 99)}`,
  );
  const location = address(random, 'LOCATION', doctor.city, phone);
  const mailing = random.chance(0.6)
    ? { ...location, address_purpose: 'MAILING' }
    : address(random, 'MAILING', doctor.city, phone);
  const common = {
    created_epoch: epochMs(dates.enumerated),
    enumeration_type: plant === 'organisation' ? 'NPI-2' : 'NPI-1',
    last_updated_epoch: epochMs(dates.updated),
    number: doctor.npi,
    addresses: [location, mailing],
    practiceLocations: [],
  };

  if (plant === 'organisation') {
    const result = {
      ...common,
      basic: {
        organization_name: `${upper(doctor.practiceName.replace(/&/g, 'AND'))} ${random.pick(organisationSuffixes)}`,
        organizational_subpart: 'NO',
        enumeration_date: dates.enumerated,
        last_updated: dates.updated,
        status: 'A',
        authorized_official_first_name: upper(doctor.firstName),
        authorized_official_last_name: upper(doctor.lastName),
        authorized_official_credential: doctor.credential === 'DO' ? 'D.O.' : 'M.D.',
        authorized_official_title_or_position: random.pick(['OWNER', 'PRESIDENT', 'MEDICAL DIRECTOR']),
        authorized_official_telephone_number: phone.replace(/-/g, ''),
        authorized_official_name_prefix: 'Dr.',
      },
      taxonomies: [taxonomy('193400000X', doctor.licenseState, null, true)],
      identifiers: [],
      endpoints: [],
      other_names: [],
    };
    return { status: 200, body: JSON.stringify({ result_count: 1, results: [result] }) };
  }

  const someoneElse = plant === 'another person';
  const firstName = someoneElse ? other.firstName : doctor.firstName;
  const lastName = someoneElse ? other.lastName : doctor.lastName;
  const middleName = someoneElse ? null : doctor.middleName;
  const license = someoneElse || plant === 'other license' ? other.license : doctor.licenseNumber;
  const codes = usualTaxonomy[doctor.specialty] ?? [
    [specialtyTaxonomies[doctor.specialty]?.[0] ?? '208D00000X', 1],
  ];
  const primaryCode = random.weighted(codes);
  const taxonomies = [taxonomy(primaryCode, doctor.licenseState, writtenLicense(random, license), true)];
  if (random.chance(0.2)) {
    // Licensed in a second state too: the same specialty, registered under that state's license.
    taxonomies.push(taxonomy(primaryCode, other.secondLicense.state, other.secondLicense.number, false));
  }
  const basic = {
    first_name: upper(firstName),
    last_name: upper(lastName),
    ...(middleName ? { middle_name: upper(middleName) } : {}),
    ...credentialField(random, doctor.credential),
    sole_proprietor: random.weighted([
      ['NO', 70],
      ['YES', 25],
      ['X', 5],
    ]),
    sex: someoneElse ? other.sex : doctor.sex,
    enumeration_date: dates.enumerated,
    last_updated: dates.updated,
    status: 'A',
    ...(random.chance(0.55) ? { name_prefix: 'Dr.' } : {}),
  };
  const identifiers = random.chance(0.25)
    ? [
        {
          code: '05',
          desc: 'MEDICAID',
          issuer: '',
          identifier: String(random.int(1_000_000, 9_999_999)),
          state: doctor.licenseState,
        },
      ]
    : [];
  const result = { ...common, basic, taxonomies, identifiers, endpoints: [], other_names: [] };
  return { status: 200, body: JSON.stringify({ result_count: 1, results: [result] }) };
}

function credentialField(random: Random, credential: Credential): { credential?: string } {
  const written = random.weighted(credentialSpellings[credential]);
  return written === null ? {} : { credential: written };
}

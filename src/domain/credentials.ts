import type { Doctor } from './model';
import { lookUp } from './lookup';

/**
 * What a credential registry says about a doctor, and how it compares with what the doctor's
 * profile claims, field by field. The server's registry adapters turn each registry's answer into
 * a RegistryRecord; the doctor rules, the verifier's desk and the sweep read the comparison.
 */

export const registrySources = ['nppes'] as const;
export type RegistrySource = (typeof registrySources)[number];

/** One taxonomy (specialty) the provider registered, with the license it was registered under. */
export interface RegistryTaxonomy {
  code: string;
  desc: string;
  primary: boolean;
  state: string | null;
  license: string | null;
}

export interface RegistryAddress {
  purpose: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string | null;
}

/** An NPI registry record, as NPPES publishes it (API version 2.1), in the console's own names. */
export interface RegistryRecord {
  number: string;
  /** NPI-1 is an individual provider, NPI-2 an organisation. */
  enumerationType: string;
  firstName: string;
  lastName: string;
  credential: string | null;
  /** 'A' active; a deactivated NPI is no longer published, or carries another status. */
  status: string;
  enumerationDate: string | null;
  lastUpdated: string | null;
  taxonomies: RegistryTaxonomy[];
  addresses: RegistryAddress[];
}

/**
 * The registry's latest word on one subject (an NPI). A failed attempt (timeout, outage, an
 * answer that is not the registry's shape) never replaces an answer: the last answer stays, with
 * its fetch time, beside the failure. `unreachable` means no answer has ever been had.
 */
export interface RegistryLookup {
  source: RegistrySource;
  subject: string;
  outcome: 'found' | 'not_found' | 'unreachable';
  /** When the answer kept here was fetched. */
  fetchedAt: string | null;
  record: RegistryRecord | null;
  /** The latest attempt that failed, when it came after the answer kept. */
  failedAt: string | null;
  problem: string | null;
}

export type ComparedField =
  'enumerationType' | 'status' | 'name' | 'credential' | 'licenseState' | 'licenseNumber' | 'specialty';

export interface FieldComparison {
  field: ComparedField;
  claimed: string | null;
  registry: string | null;
  /** `missing`: the registry does not say, so nothing can be concluded either way. */
  verdict: 'match' | 'mismatch' | 'missing';
}

export type ClaimedCredentials = Pick<
  Doctor,
  'name' | 'credential' | 'specialty' | 'npi' | 'licenseState' | 'licenseNumber'
>;

/**
 * The NUCC taxonomy codes a registry may list for each specialty a profile can claim. A claim of
 * "Cosmetic surgery" or "Aesthetic medicine" names no registered specialty of its own, so the
 * physician specialties those doctors come from are accepted.
 */
export const specialtyTaxonomies: Readonly<Record<string, readonly string[]>> = {
  'plastic surgery': ['208200000X', '2082S0099X', '2082S0105X'],
  dermatology: ['207N00000X', '207ND0101X', '207ND0900X', '207NS0135X', '207NI0002X'],
  'facial plastic surgery': ['207YS0123X', '207Y00000X', '2082S0099X'],
  'oculoplastic surgery': ['207WX0200X', '207W00000X'],
  'cosmetic surgery': ['208600000X', '208200000X', '207Y00000X', '207N00000X', '207V00000X', '2086S0122X'],
  'aesthetic medicine': ['207Q00000X', '207R00000X', '208D00000X', '207P00000X', '207N00000X', '207V00000X'],
};

/** Letters only, folded: "O'Brien-Díaz" and "OBRIEN DIAZ" compare equal. */
const nameKey = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z\s-]/g, '')
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter(Boolean);

/** Suffixes and degrees a profile may add after a name (the title "Dr." goes before it). */
const honorifics = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'md', 'do']);

/**
 * Whether the profile's name is the registry's: the same first name and the same last name,
 * whatever middle names, titles or hyphenation either side adds.
 */
export function sameName(profileName: string, firstName: string, lastName: string): boolean {
  const first = nameKey(firstName);
  const last = nameKey(lastName);
  if (first.length === 0 || last.length === 0) return false;
  const matches = (profile: string[]) =>
    profile.length > last.length &&
    profile[0] === first[0] &&
    last.every((part, i) => profile[profile.length - last.length + i] === part);
  const written = nameKey(profileName);
  const untitled = written[0] === 'dr' ? written.slice(1) : written;
  // "Dr. Anh Do, MD" is Anh Do: a title or degree is dropped, unless it is the name itself.
  return matches(untitled) || matches(untitled.filter((part) => !honorifics.has(part)));
}

/** "M.D.", "MD, FACS" and "md" all hold MD. */
const degreesIn = (credential: string) =>
  credential
    .toUpperCase()
    .replace(/\./g, '')
    .split(/[^A-Z]+/)
    .filter(Boolean);

/** License numbers are written with and without spaces, dashes and leading zeros. */
const licenseKey = (license: string) =>
  license
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .replace(/^([A-Z]*)0+(?=\d)/, '$1');

const verdict = (matches: boolean): FieldComparison['verdict'] => (matches ? 'match' : 'mismatch');

/** The profile beside the registry record, one row per field a verifier checks. */
export function compareWithRegistry(claimed: ClaimedCredentials, record: RegistryRecord): FieldComparison[] {
  const registryName = `${record.firstName} ${record.lastName}`.trim();
  const inState = record.taxonomies.filter((t) => t.state?.toUpperCase() === claimed.licenseState);
  const licensed = inState.find(
    (t) => t.license !== null && licenseKey(t.license) === licenseKey(claimed.licenseNumber),
  );
  const withLicense = record.taxonomies.filter((t) => t.license);
  const accepted = lookUp(specialtyTaxonomies, claimed.specialty.trim().toLowerCase()) ?? [];
  const primary = record.taxonomies.find((t) => t.primary) ?? record.taxonomies[0] ?? null;
  const specialty = record.taxonomies.find((t) => accepted.includes(t.code)) ?? null;
  const degrees = record.credential ? degreesIn(record.credential) : [];
  return [
    {
      field: 'enumerationType',
      claimed: 'NPI-1',
      registry: record.enumerationType,
      verdict: verdict(record.enumerationType === 'NPI-1'),
    },
    { field: 'status', claimed: 'A', registry: record.status, verdict: verdict(record.status === 'A') },
    {
      field: 'name',
      claimed: claimed.name,
      registry: registryName,
      verdict: verdict(sameName(claimed.name, record.firstName, record.lastName)),
    },
    {
      field: 'credential',
      claimed: claimed.credential,
      registry: record.credential,
      verdict: degrees.length === 0 ? 'missing' : verdict(degrees.includes(claimed.credential)),
    },
    {
      field: 'licenseState',
      claimed: claimed.licenseState,
      registry: [...new Set(withLicense.map((t) => t.state).filter(Boolean))].join(', ') || null,
      verdict: withLicense.length === 0 ? 'missing' : verdict(inState.length > 0),
    },
    {
      field: 'licenseNumber',
      claimed: claimed.licenseNumber,
      registry: (licensed ?? inState.find((t) => t.license) ?? withLicense[0])?.license ?? null,
      verdict: withLicense.length === 0 ? 'missing' : verdict(licensed !== undefined),
    },
    {
      field: 'specialty',
      claimed: claimed.specialty,
      registry: (specialty ?? primary)?.desc ?? null,
      verdict: record.taxonomies.length === 0 ? 'missing' : verdict(specialty !== null),
    },
  ];
}

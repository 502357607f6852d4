import { classifyBoard } from '../boards';
import { compareWithRegistry, type ComparedField } from '../credentials';
import { isDisciplinaryStatus, licenseExpiry, licenseStanding } from '../licenses';
import { npiCheckDigit } from '../npi';
import { type DoctorRule, type EvidenceFact, fail, pass, unknown } from './engine';

/**
 * The doctor rules (RULES.md, Doctors): is this a real doctor, licensed now, certified by the
 * board they name, with nothing on file against them, and verified recently? A block failure
 * here also holds every answer the doctor writes (ANS_AUTHOR_UNVERIFIED).
 */

/** What is wrong with an NPI's form, in a verifier's words; null when it is well formed. */
export function npiProblem(npi: string): string | null {
  if (!/^\d+$/.test(npi)) return 'holds characters other than digits';
  if (npi.length !== 10) return `has ${npi.length} digits, not 10`;
  if (npi[0] !== '1' && npi[0] !== '2') return `starts with ${npi[0]}, not 1 or 2`;
  const expected = npiCheckDigit(npi.slice(0, 9));
  if (Number(npi[9]) !== expected) return `ends in ${npi[9]} where the check digit is ${expected}`;
  return null;
}

const npiFormat: DoctorRule = {
  id: 'DOC_NPI_FORMAT',
  type: 'doctors',
  severity: 'block',
  description: 'The NPI is not 10 digits starting with 1 or 2, or its check digit is wrong',
  check(doctor) {
    const problem = npiProblem(doctor.npi);
    if (!problem) return pass(npiFormat, 'NPI is well formed and its check digit holds');
    return fail(npiFormat, `NPI ${doctor.npi} ${problem}`, { facts: [{ label: 'NPI', value: doctor.npi }] });
  },
};

const fieldLabels: Record<ComparedField, string> = {
  enumerationType: 'Enumeration type',
  status: 'NPI status',
  name: 'Name',
  credential: 'Credential',
  licenseState: 'License state',
  licenseNumber: 'License number',
  specialty: 'Specialty',
};

const npiRegistry: DoctorRule = {
  id: 'DOC_NPI_REGISTRY',
  type: 'doctors',
  severity: 'block',
  description:
    'The NPI registry has no active individual record for the NPI (block), or its name, credential or license differ from the profile (high) or its specialty does (medium)',
  check(doctor, { registry }) {
    if (npiProblem(doctor.npi)) {
      return fail(npiRegistry, `No registry record can exist for the malformed NPI ${doctor.npi}`);
    }
    if (!registry) return unknown(npiRegistry, 'The NPI registry has not been asked yet');
    const asked: EvidenceFact[] = [{ label: 'Registry', value: registry.source.toUpperCase() }];
    if (registry.fetchedAt) asked.push({ label: 'Fetched at', value: registry.fetchedAt });
    if (registry.outcome === 'unreachable' || !registry.fetchedAt) {
      return unknown(
        npiRegistry,
        `The NPI registry could not be asked (${registry.problem ?? 'no answer'}); nothing is concluded`,
      );
    }
    if (registry.failedAt) {
      asked.push({ label: 'Last attempt failed', value: `${registry.failedAt}: ${registry.problem ?? ''}` });
    }
    if (registry.outcome === 'not_found' || !registry.record) {
      return fail(npiRegistry, `The NPI registry has no record for NPI ${doctor.npi}`, { facts: asked });
    }
    const rows = compareWithRegistry(doctor, registry.record);
    const differing = rows.filter((row) => row.verdict === 'mismatch');
    const facts = [
      ...asked,
      ...differing.map((row) => ({
        label: fieldLabels[row.field],
        value: `profile ${row.claimed ?? '—'}, registry ${row.registry ?? '—'}`,
      })),
    ];
    const differs = (field: ComparedField) => differing.some((row) => row.field === field);
    if (differs('enumerationType')) {
      return fail(npiRegistry, `NPI ${doctor.npi} belongs to an organisation, not an individual doctor`, {
        facts,
      });
    }
    if (differs('status')) {
      return fail(npiRegistry, `NPI ${doctor.npi} is deactivated in the registry`, { facts });
    }
    const serious = differing.filter((row) => row.field !== 'specialty');
    if (serious.length > 0) {
      const what = serious.map((row) => fieldLabels[row.field].toLowerCase()).join(', ');
      const differ = serious.length === 1 ? 'differs' : 'differ';
      return fail(npiRegistry, `The NPI registry's ${what} ${differ} from the profile`, { facts }, 'high');
    }
    if (differing.length > 0) {
      return fail(
        npiRegistry,
        `The registry lists the NPI under ${differing[0].registry ?? 'another specialty'}, not ${doctor.specialty}`,
        { facts },
        'medium',
      );
    }
    // A pass carries no evidence, so a later failed attempt is said in the message.
    const since = registry.failedAt ? `; asking again at ${registry.failedAt} failed` : '';
    return pass(
      npiRegistry,
      `The NPI registry record matches the profile (fetched at ${registry.fetchedAt}${since})`,
    );
  },
};

const licenseStatus: DoctorRule = {
  id: 'DOC_LICENSE_STATUS',
  type: 'doctors',
  severity: 'block',
  description:
    'The license is not active: expired, lapsed, suspended, revoked... (block); probation or restricted (high)',
  check(doctor) {
    const facts = [{ label: 'License', value: `${doctor.licenseState} ${doctor.licenseNumber}` }];
    switch (licenseStanding(doctor.licenseStatus)) {
      case 'good':
        return pass(licenseStatus, 'License is active');
      case 'conditional': {
        const condition = doctor.licenseStatus === 'probation' ? 'on probation' : doctor.licenseStatus;
        return fail(licenseStatus, `License is ${condition}`, { facts }, 'high');
      }
      case 'not_licensed': {
        const board = `the ${doctor.licenseState} board`;
        const taken =
          doctor.licenseStatus === 'surrendered'
            ? `License was surrendered to ${board}`
            : `License was ${doctor.licenseStatus} by ${board}`;
        return fail(
          licenseStatus,
          isDisciplinaryStatus(doctor.licenseStatus) ? taken : `License is ${doctor.licenseStatus}`,
          { facts },
        );
      }
    }
  },
};

const licenseExpiryRule: DoctorRule = {
  id: 'DOC_LICENSE_EXPIRY',
  type: 'doctors',
  severity: 'block',
  description: 'The license has expired (block) or expires soon (high)',
  threshold: { default: 30, min: 1, max: 180, label: 'Days before expiry to warn at' },
  check(doctor, { now, setting }) {
    const expiry = licenseExpiry(doctor.licenseExpiresOn, now.slice(0, 10), setting.threshold ?? 30);
    const facts = [{ label: 'Expires on', value: doctor.licenseExpiresOn }];
    switch (expiry.state) {
      case 'expired':
        return fail(licenseExpiryRule, `License expired on ${doctor.licenseExpiresOn}`, { facts });
      case 'expiring':
        return fail(
          licenseExpiryRule,
          expiry.days === 0
            ? 'License expires today'
            : `License expires in ${expiry.days} day${expiry.days === 1 ? '' : 's'}`,
          { facts },
          'high',
        );
      case 'current':
        return pass(licenseExpiryRule, `License is current until ${doctor.licenseExpiresOn}`);
    }
  },
};

const board: DoctorRule = {
  id: 'DOC_BOARD',
  type: 'doctors',
  severity: 'high',
  description:
    'Claims certification by a board that is not an ABMS or AOA board (high), by a board only some states accept, or says "board eligible" (medium)',
  check(doctor) {
    const named = doctor.board?.trim() || null;
    if (!named) {
      return doctor.boardCertified
        ? fail(board, 'Claims board certification without naming the board')
        : pass(board, 'No board certification claimed');
    }
    const claim = classifyBoard(named);
    const facts = [{ label: 'Board', value: named }];
    if (claim.recognition === 'not_recognized') {
      return fail(board, `${claim.entry?.name ?? named} is not an ABMS or AOA board`, { facts });
    }
    if (claim.recognition === 'state_only') {
      return fail(board, `${claim.entry!.name} is recognised by some states only`, { facts }, 'medium');
    }
    if (claim.eligibleOnly || !doctor.boardCertified) {
      return fail(board, `Board eligible, not certified, by the ${claim.entry!.name}`, { facts }, 'medium');
    }
    return pass(board, `Certified by the ${claim.entry!.name} (${claim.entry!.body})`);
  },
};

const discipline: DoctorRule = {
  id: 'DOC_DISCIPLINE',
  type: 'doctors',
  severity: 'high',
  description: 'A public board order (reprimand, probation, suspension, revocation) is on file',
  check(doctor) {
    const orders = [...doctor.boardOrders].sort((a, b) => b.orderedOn.localeCompare(a.orderedOn));
    if (orders.length === 0) return pass(discipline, 'No board order on file');
    const latest = orders[0];
    const more = orders.length > 1 ? ` (${orders.length} orders on file)` : '';
    return fail(discipline, `${latest.state} board ${latest.kind} of ${latest.orderedOn}${more}`, {
      facts: orders.map((order) => ({
        label: `${order.orderedOn} ${order.state} ${order.kind}`,
        value: order.summary,
      })),
    });
  },
};

const reverify: DoctorRule = {
  id: 'DOC_REVERIFY',
  type: 'doctors',
  severity: 'medium',
  description: 'The last verification is older than the re-verification interval',
  threshold: { default: 12, min: 1, max: 36, label: 'Months a verification holds' },
  check(doctor, { now, setting }) {
    if (doctor.verificationStatus !== 'verified' || !doctor.verifiedAt) {
      return pass(reverify, 'Not verified, so nothing to renew');
    }
    const due = new Date(doctor.verifiedAt);
    due.setUTCMonth(due.getUTCMonth() + (setting.threshold ?? 12));
    if (due.toISOString() > now) return pass(reverify, `Verified on ${doctor.verifiedAt.slice(0, 10)}`);
    return fail(reverify, `Last verified on ${doctor.verifiedAt.slice(0, 10)}: re-verification is due`, {
      facts: [{ label: 'Verified at', value: doctor.verifiedAt }],
    });
  },
};

export const doctorRules: DoctorRule[] = [
  npiFormat,
  npiRegistry,
  licenseStatus,
  licenseExpiryRule,
  board,
  discipline,
  reverify,
];

import { describe, expect, it } from 'vitest';
import { boards, classifyBoard } from '../../src/domain/boards';
import type { RegistryLookup, RegistryRecord } from '../../src/domain/credentials';
import { isDisciplinaryStatus, licenseExpiry, licenseStanding } from '../../src/domain/licenses';
import { type BoardOrder, type LicenseStatus, licenseStatuses } from '../../src/domain/model';
import { isValidNpi, npiCheckDigit } from '../../src/domain/npi';
import { doctorRules, npiProblem } from '../../src/domain/rules/doctors';
import {
  type CheckedResult,
  type DoctorItem,
  type RuleSettings,
  runRules,
} from '../../src/domain/rules/engine';

/** Midday, so a rule that reads the date must not be thrown by the time of day. */
const now = '2026-03-01T12:00:00.000Z';

const doctor = (overrides: Partial<DoctorItem> = {}): DoctorItem => ({
  id: 7,
  name: 'Dr. Amara J. Hill',
  credential: 'MD',
  specialty: 'Plastic surgery',
  npi: '1234567893',
  licenseState: 'CA',
  licenseNumber: 'A123456',
  licenseStatus: 'active',
  licenseExpiresOn: '2027-06-30',
  board: 'American Board of Plastic Surgery',
  boardCertified: true,
  boardOrders: [],
  verificationStatus: 'verified',
  verifiedAt: '2025-09-01T10:00:00.000Z',
  ...overrides,
});

/** The doctor above as NPPES publishes her. */
const record = (overrides: Partial<RegistryRecord> = {}): RegistryRecord => ({
  number: '1234567893',
  enumerationType: 'NPI-1',
  firstName: 'AMARA',
  lastName: 'HILL',
  credential: 'M.D.',
  status: 'A',
  enumerationDate: '2012-04-18',
  lastUpdated: '2024-11-02',
  taxonomies: [
    { code: '208200000X', desc: 'Plastic Surgery', primary: true, state: 'CA', license: 'A123456' },
  ],
  addresses: [
    { purpose: 'LOCATION', city: 'SAN DIEGO', state: 'CA', postalCode: '921011234', phone: '619-555-0142' },
  ],
  ...overrides,
});

const fetchedAt = '2026-02-27T08:00:00.000Z';

const found = (answer: RegistryRecord = record(), more: Partial<RegistryLookup> = {}): RegistryLookup => ({
  source: 'nppes',
  subject: answer.number,
  outcome: 'found',
  fetchedAt,
  record: answer,
  failedAt: null,
  problem: null,
  ...more,
});

/** Runs one doctor rule, alone, as the engine would. */
function check(
  ruleId: string,
  item: DoctorItem,
  {
    registry = found(),
    settings = {},
    at = now,
  }: { registry?: RegistryLookup | null; settings?: RuleSettings; at?: string } = {},
): CheckedResult {
  const rule = doctorRules.filter((candidate) => candidate.id === ruleId);
  expect(rule).toHaveLength(1);
  const results = runRules(rule, item, { now: at, registry }, settings);
  expect(results).toHaveLength(1);
  return results[0];
}

const factsOf = (result: CheckedResult) => result.evidence?.facts ?? [];

/** Plain Luhn over the full card-style number 80840 + NPI, the definition RULES.md gives. */
function luhnHolds(digits: string): boolean {
  let sum = 0;
  for (let fromRight = 0; fromRight < digits.length; fromRight++) {
    let digit = Number(digits[digits.length - 1 - fromRight]);
    if (fromRight % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

describe('NPI check digit', () => {
  it('is 3 for 123456789, so 1234567893 is valid', () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(isValidNpi('1234567893')).toBe(true);
    expect(npiProblem('1234567893')).toBeNull();
  });

  it.each([0, 1, 2, 4, 5, 6, 7, 8, 9])(
    'rejects 123456789%i, whose last digit is not the check digit',
    (last) => {
      const npi = `123456789${last}`;
      expect(isValidNpi(npi)).toBe(false);
      expect(npiProblem(npi)).toBe(`ends in ${last} where the check digit is 3`);
    },
  );

  it.each([
    ['1000000004', '100000000'],
    ['1147258366', '114725836'],
    ['1508039124', '150803912'],
    ['1672849308', '167284930'],
    ['1987654328', '198765432'],
    ['2000000002', '200000000'],
    ['2453195994', '245319599'],
    ['2999999990', '299999999'],
  ])('%s is a valid NPI: npiCheckDigit(%s) is its last digit and Luhn over 80840 holds', (npi, first9) => {
    expect(`${first9}${npiCheckDigit(first9)}`).toBe(npi);
    expect(luhnHolds(`80840${npi}`)).toBe(true);
    expect(isValidNpi(npi)).toBe(true);
    expect(npiProblem(npi)).toBeNull();
    const wrong = `${first9}${(Number(npi[9]) + 5) % 10}`;
    expect(luhnHolds(`80840${wrong}`)).toBe(false);
    expect(isValidNpi(wrong)).toBe(false);
  });

  it('agrees with plain Luhn over the 80840 prefix for every nine digits tried', () => {
    for (let i = 0; i < 500; i++) {
      const first9 = `${1 + (i % 2)}${String((i * 7_919_003 + 12_345) % 100_000_000).padStart(8, '0')}`;
      const npi = `${first9}${npiCheckDigit(first9)}`;
      expect(luhnHolds(`80840${npi}`), npi).toBe(true);
    }
  });

  it('is computed over exactly nine digits', () => {
    expect(() => npiCheckDigit('12345678')).toThrow(RangeError);
    expect(() => npiCheckDigit('1234567890')).toThrow(RangeError);
    expect(() => npiCheckDigit('12345678X')).toThrow(RangeError);
  });

  it.each([
    ['123456789', 'has 9 digits, not 10'],
    ['12345678931', 'has 11 digits, not 10'],
    ['3234567893', 'starts with 3, not 1 or 2'],
    ['0234567893', 'starts with 0, not 1 or 2'],
    ['9234567893', 'starts with 9, not 1 or 2'],
    ['123456789X', 'holds characters other than digits'],
    ['1234-567893', 'holds characters other than digits'],
    ['１２３４５６７８９３', 'holds characters other than digits'],
  ])('npiProblem(%s) says it %s', (npi, problem) => {
    expect(isValidNpi(npi)).toBe(false);
    expect(npiProblem(npi)).toBe(problem);
  });

  it('does not read a number that starts with 3 as valid even when Luhn holds', () => {
    const first9 = '323456789';
    const npi = `${first9}${npiCheckDigit(first9)}`;
    expect(luhnHolds(`80840${npi}`)).toBe(true);
    expect(isValidNpi(npi)).toBe(false);
  });
});

describe('DOC_NPI_FORMAT', () => {
  it('passes a well-formed NPI', () => {
    const result = check('DOC_NPI_FORMAT', doctor());
    expect(result.outcome).toBe('pass');
    expect(result.message).toBe('NPI is well formed and its check digit holds');
  });

  it.each([
    ['1234567890', 'NPI 1234567890 ends in 0 where the check digit is 3'],
    ['123456789', 'NPI 123456789 has 9 digits, not 10'],
    ['12345678931', 'NPI 12345678931 has 11 digits, not 10'],
    ['3234567893', 'NPI 3234567893 starts with 3, not 1 or 2'],
    ['12345A7893', 'NPI 12345A7893 holds characters other than digits'],
  ])('blocks %s', (npi, message) => {
    const result = check('DOC_NPI_FORMAT', doctor({ npi }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('block');
    expect(result.message).toBe(message);
    expect(factsOf(result)).toEqual([{ label: 'NPI', value: npi }]);
  });
});

describe('board classification', () => {
  const recognised = boards.filter((entry) => entry.body === 'ABMS' || entry.body === 'AOA');

  it('holds the 24 ABMS member boards and the 16 AOA certifying boards', () => {
    expect(boards.filter((entry) => entry.body === 'ABMS')).toHaveLength(24);
    expect(boards.filter((entry) => entry.body === 'AOA')).toHaveLength(16);
  });

  it.each(recognised.map((entry) => [entry.name, entry.body] as const))(
    '%s (%s) is recognised however it is spelled',
    (name, body) => {
      const spellings = [
        name,
        name.toUpperCase(),
        name.toLowerCase(),
        name.replace(/ and /g, ' & '),
        name.replace(/ – /g, '-'),
        name.replace(/ – /g, ' - '),
        `  ${name}.`,
      ];
      for (const spelling of spellings) {
        const claim = classifyBoard(spelling);
        expect(claim.recognition, spelling).toBe('recognized');
        expect(claim.entry?.name, spelling).toBe(name);
        expect(claim.eligibleOnly, spelling).toBe(false);
        const result = check('DOC_BOARD', doctor({ board: spelling }));
        expect(result.outcome, spelling).toBe('pass');
        expect(result.message, spelling).toBe(`Certified by the ${name} (${body})`);
      }
    },
  );

  it.each([
    'American Board of Otolaryngology',
    'american board of otolaryngology',
    'American Board of Otolaryngology-Head & Neck Surgery',
    'American Board of Otolaryngology - Head and Neck Surgery',
  ])('%s finds the ABMS otolaryngology board', (spelling) => {
    const result = check('DOC_BOARD', doctor({ board: spelling }));
    expect(result.outcome).toBe('pass');
    expect(result.message).toBe(
      'Certified by the American Board of Otolaryngology – Head and Neck Surgery (ABMS)',
    );
  });

  it.each(['Diplomate of the American Board of Surgery', 'Certified by the American Board of Dermatology'])(
    'reads the board out of "%s"',
    (spelling) => {
      expect(classifyBoard(spelling).recognition).toBe('recognized');
      expect(check('DOC_BOARD', doctor({ board: spelling })).outcome).toBe('pass');
    },
  );

  it('reads the board out of "Board certified by the American Board of Dermatology"', () => {
    const claim = classifyBoard('Board certified by the American Board of Dermatology');
    expect(claim.recognition).toBe('recognized');
    expect(claim.entry?.name).toBe('American Board of Dermatology');
    const result = check(
      'DOC_BOARD',
      doctor({ board: 'Board certified by the American Board of Dermatology', specialty: 'Dermatology' }),
    );
    expect(result.outcome).toBe('pass');
    expect(result.message).toBe('Certified by the American Board of Dermatology (ABMS)');
  });

  it.each([
    'American Board of Facial Plastic and Reconstructive Surgery',
    'American Board of Cosmetic Surgery',
  ])('%s is recognised by some states only (medium)', (name) => {
    expect(classifyBoard(name).recognition).toBe('state_only');
    const result = check('DOC_BOARD', doctor({ board: name }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('medium');
    expect(result.message).toBe(`${name} is recognised by some states only`);
    expect(factsOf(result)).toEqual([{ label: 'Board', value: name }]);
  });

  it('finds a state-only board by its "&" spelling too', () => {
    const result = check(
      'DOC_BOARD',
      doctor({ board: 'American Board of Facial Plastic & Reconstructive Surgery' }),
    );
    expect(result.severity).toBe('medium');
    expect(result.message).toBe(
      'American Board of Facial Plastic and Reconstructive Surgery is recognised by some states only',
    );
  });

  it.each(boards.filter((entry) => entry.body === 'self-designated').map((entry) => entry.name))(
    '%s, a self-designated board, is not recognised (high)',
    (name) => {
      const claim = classifyBoard(name);
      expect(claim.recognition).toBe('not_recognized');
      expect(claim.entry?.body).toBe('self-designated');
      const result = check('DOC_BOARD', doctor({ board: name }));
      expect(result.outcome).toBe('fail');
      expect(result.severity).toBe('high');
      expect(result.message).toBe(`${name} is not an ABMS or AOA board`);
      expect(factsOf(result)).toEqual([{ label: 'Board', value: name }]);
    },
  );

  it('names the table entry, not the typed spelling, of a self-designated board', () => {
    const result = check('DOC_BOARD', doctor({ board: 'INTERNATIONAL BOARD OF AESTHETIC MEDICINE' }));
    expect(result.message).toBe('International Board of Aesthetic Medicine is not an ABMS or AOA board');
    expect(factsOf(result)).toEqual([{ label: 'Board', value: 'INTERNATIONAL BOARD OF AESTHETIC MEDICINE' }]);
  });

  it('does not recognise a board it has never heard of (high)', () => {
    const name = 'American Board of Regenerative Aesthetics';
    const claim = classifyBoard(name);
    expect(claim).toEqual({ recognition: 'not_recognized', entry: null, eligibleOnly: false });
    const result = check('DOC_BOARD', doctor({ board: `  ${name} ` }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(result.message).toBe(`${name} is not an ABMS or AOA board`);
    expect(factsOf(result)).toEqual([{ label: 'Board', value: name }]);
  });

  it.each([true, false])(
    'reads "Board eligible – American Board of Plastic Surgery" as medium (certified flag %s)',
    (boardCertified) => {
      const board = 'Board eligible – American Board of Plastic Surgery';
      const claim = classifyBoard(board);
      expect(claim.recognition).toBe('recognized');
      expect(claim.eligibleOnly).toBe(true);
      expect(claim.entry?.name).toBe('American Board of Plastic Surgery');
      const result = check('DOC_BOARD', doctor({ board, boardCertified }));
      expect(result.outcome).toBe('fail');
      expect(result.severity).toBe('medium');
      expect(result.message).toBe('Board eligible, not certified, by the American Board of Plastic Surgery');
      expect(factsOf(result)).toEqual([{ label: 'Board', value: board }]);
    },
  );

  it.each([
    'Board-eligible, American Board of Surgery',
    'board eligible: American Board of Surgery',
    'American Board of Surgery (board eligible)',
  ])('reads "%s" as eligible only', (board) => {
    const claim = classifyBoard(board);
    expect(claim.recognition).toBe('recognized');
    expect(claim.eligibleOnly).toBe(true);
    const result = check('DOC_BOARD', doctor({ board, boardCertified: false }));
    expect(result.severity).toBe('medium');
    expect(result.message).toBe('Board eligible, not certified, by the American Board of Surgery');
  });

  it('reads "Eligible for board certification by the American Board of Plastic Surgery" as eligible only', () => {
    const board = 'Eligible for board certification by the American Board of Plastic Surgery';
    const claim = classifyBoard(board);
    expect(claim.eligibleOnly).toBe(true);
    expect(claim.recognition).toBe('recognized');
    const result = check('DOC_BOARD', doctor({ board, boardCertified: false }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('medium');
    expect(result.message).toBe('Board eligible, not certified, by the American Board of Plastic Surgery');
  });

  it('reads a recognised board named without the certified flag as eligible (medium)', () => {
    const result = check('DOC_BOARD', doctor({ boardCertified: false }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('medium');
    expect(result.message).toBe('Board eligible, not certified, by the American Board of Plastic Surgery');
  });

  it('an eligible claim on a board only some states accept is still state-only', () => {
    const result = check(
      'DOC_BOARD',
      doctor({ board: 'Board eligible – American Board of Cosmetic Surgery', boardCertified: false }),
    );
    expect(result.severity).toBe('medium');
    expect(result.message).toBe('American Board of Cosmetic Surgery is recognised by some states only');
  });

  it.each([null, '', '   '])('fails a certified claim that names no board (board %j) as high', (board) => {
    const result = check('DOC_BOARD', doctor({ board, boardCertified: true }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(result.message).toBe('Claims board certification without naming the board');
  });

  it.each([null, ''])(
    'passes a doctor who names no board (board %j) and claims no certification',
    (board) => {
      const result = check('DOC_BOARD', doctor({ board, boardCertified: false }));
      expect(result.outcome).toBe('pass');
      expect(result.message).toBe('No board certification claimed');
    },
  );
});

describe('license standing', () => {
  const expected: Record<LicenseStatus, 'good' | 'conditional' | 'not_licensed'> = {
    active: 'good',
    probation: 'conditional',
    restricted: 'conditional',
    expired: 'not_licensed',
    lapsed: 'not_licensed',
    inactive: 'not_licensed',
    suspended: 'not_licensed',
    revoked: 'not_licensed',
    surrendered: 'not_licensed',
    cancelled: 'not_licensed',
  };

  it('gives every license status a standing', () => {
    expect(Object.keys(expected).sort()).toEqual([...licenseStatuses].sort());
    for (const status of licenseStatuses) expect(licenseStanding(status), status).toBe(expected[status]);
  });

  it('counts only suspended, revoked and surrendered as a board taking the license away', () => {
    expect(licenseStatuses.filter(isDisciplinaryStatus)).toEqual(['suspended', 'revoked', 'surrendered']);
  });
});

describe('DOC_LICENSE_STATUS', () => {
  it('passes an active license', () => {
    const result = check('DOC_LICENSE_STATUS', doctor());
    expect(result.outcome).toBe('pass');
    expect(result.severity).toBe('block');
    expect(result.message).toBe('License is active');
    expect(result.evidence).toBeUndefined();
  });

  it.each([
    ['probation', 'License is on probation'],
    ['restricted', 'License is restricted'],
  ] as const)('fails a license on %s as high', (licenseStatus, message) => {
    const result = check('DOC_LICENSE_STATUS', doctor({ licenseStatus }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(result.message).toBe(message);
    expect(factsOf(result)).toEqual([{ label: 'License', value: 'CA A123456' }]);
  });

  it.each([
    ['expired', 'License is expired'],
    ['lapsed', 'License is lapsed'],
    ['inactive', 'License is inactive'],
    ['cancelled', 'License is cancelled'],
    ['suspended', 'License was suspended by the CA board'],
    ['revoked', 'License was revoked by the CA board'],
  ] as const)('blocks a license that is %s', (licenseStatus, message) => {
    const result = check('DOC_LICENSE_STATUS', doctor({ licenseStatus }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('block');
    expect(result.message).toBe(message);
    expect(factsOf(result)).toEqual([{ label: 'License', value: 'CA A123456' }]);
  });

  it('blocks a surrendered license without saying the board surrendered it', () => {
    const result = check('DOC_LICENSE_STATUS', doctor({ licenseStatus: 'surrendered', licenseState: 'TX' }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('block');
    expect(result.message).toMatch(/surrendered/);
    expect(result.message).toMatch(/\bTX\b/);
    expect(result.message).not.toMatch(/surrendered by the/);
    expect(factsOf(result)).toEqual([{ label: 'License', value: 'TX A123456' }]);
  });
});

describe('licenseExpiry', () => {
  it.each([
    ['2026-03-01', 'expiring', 0],
    ['2026-03-02', 'expiring', 1],
    ['2026-03-31', 'expiring', 30],
    ['2026-04-01', 'current', 31],
    ['2026-02-28', 'expired', -1],
    ['2025-03-01', 'expired', -365],
  ] as const)('a license expiring on %s is %s (%i days) on 2026-03-01', (expiresOn, state, days) => {
    expect(licenseExpiry(expiresOn, '2026-03-01', 30)).toEqual({ state, days });
  });

  it('counts days across a month, a year end and a leap day', () => {
    expect(licenseExpiry('2027-01-01', '2026-12-31', 30)).toEqual({ state: 'expiring', days: 1 });
    expect(licenseExpiry('2028-03-01', '2028-02-28', 30)).toEqual({ state: 'expiring', days: 2 });
    expect(licenseExpiry('2026-11-02', '2026-10-31', 1)).toEqual({ state: 'current', days: 2 });
  });

  it('warns as many days ahead as it is told', () => {
    expect(licenseExpiry('2026-04-15', '2026-03-01', 30).state).toBe('current');
    expect(licenseExpiry('2026-04-15', '2026-03-01', 45).state).toBe('expiring');
    expect(licenseExpiry('2026-03-02', '2026-03-01', 1).state).toBe('expiring');
  });
});

describe('DOC_LICENSE_EXPIRY', () => {
  const expiring = (licenseExpiresOn: string, settings: RuleSettings = {}, at = now) =>
    check('DOC_LICENSE_EXPIRY', doctor({ licenseExpiresOn }), { settings, at });

  it('warns on the day the license expires: it is good through that day', () => {
    const result = expiring('2026-03-01');
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(result.message).toBe('License expires today');
    expect(factsOf(result)).toEqual([{ label: 'Expires on', value: '2026-03-01' }]);
    expect(expiring('2026-03-01', {}, '2026-03-01T23:59:59.999Z').message).toBe('License expires today');
  });

  it('warns a day ahead', () => {
    const result = expiring('2026-03-02');
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(result.message).toBe('License expires in 1 day');
  });

  it('warns 30 days ahead', () => {
    const result = expiring('2026-03-31');
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(result.message).toBe('License expires in 30 days');
    expect(factsOf(result)).toEqual([{ label: 'Expires on', value: '2026-03-31' }]);
  });

  it('passes 31 days ahead', () => {
    const result = expiring('2026-04-01');
    expect(result.outcome).toBe('pass');
    expect(result.message).toBe('License is current until 2026-04-01');
  });

  it('blocks a license that expired yesterday', () => {
    const result = expiring('2026-02-28');
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('block');
    expect(result.message).toBe('License expired on 2026-02-28');
    expect(factsOf(result)).toEqual([{ label: 'Expires on', value: '2026-02-28' }]);
  });

  it('warns as far ahead as the threshold setting says', () => {
    const sixty = { DOC_LICENSE_EXPIRY: { enabled: true, threshold: 60 } };
    expect(expiring('2026-04-15').outcome).toBe('pass');
    const warned = expiring('2026-04-15', sixty);
    expect(warned.severity).toBe('high');
    expect(warned.message).toBe('License expires in 45 days');
    expect(expiring('2026-04-30', sixty).message).toBe('License expires in 60 days');
    expect(expiring('2026-05-01', sixty).outcome).toBe('pass');

    const seven = { DOC_LICENSE_EXPIRY: { enabled: true, threshold: 7 } };
    expect(expiring('2026-03-11', seven).outcome).toBe('pass');
    expect(expiring('2026-03-08', seven).message).toBe('License expires in 7 days');
    expect(expiring('2026-02-28', seven).severity).toBe('block');
  });

  it('uses 30 days when the setting stores no threshold', () => {
    const stored = { DOC_LICENSE_EXPIRY: { enabled: true, threshold: null } };
    expect(expiring('2026-03-31', stored).severity).toBe('high');
    expect(expiring('2026-04-01', stored).outcome).toBe('pass');
  });
});

describe('DOC_NPI_REGISTRY', () => {
  const registryCheck = (item: DoctorItem, registry: RegistryLookup | null) =>
    check('DOC_NPI_REGISTRY', item, { registry });
  const asked = [
    { label: 'Registry', value: 'NPPES' },
    { label: 'Fetched at', value: fetchedAt },
  ];

  it('passes a record that matches the profile', () => {
    const result = registryCheck(doctor(), found());
    expect(result.outcome).toBe('pass');
    expect(result.message).toBe(
      'The NPI registry record matches the profile (fetched at 2026-02-27T08:00:00.000Z)',
    );
  });

  it('concludes nothing when the registry was never asked', () => {
    const result = registryCheck(doctor(), null);
    expect(result.outcome).toBe('unknown');
    expect(result.message).toBe('The NPI registry has not been asked yet');
  });

  it('concludes nothing when the registry never answered, and says why', () => {
    const result = registryCheck(doctor(), {
      source: 'nppes',
      subject: '1234567893',
      outcome: 'unreachable',
      fetchedAt: null,
      record: null,
      failedAt: '2026-03-01T11:59:00.000Z',
      problem: 'the registry answered HTTP 503',
    });
    expect(result.outcome).toBe('unknown');
    expect(result.message).toBe(
      'The NPI registry could not be asked (the registry answered HTTP 503); nothing is concluded',
    );
  });

  it('concludes nothing from an unreachable lookup that names no problem', () => {
    const result = registryCheck(doctor(), {
      source: 'nppes',
      subject: '1234567893',
      outcome: 'unreachable',
      fetchedAt: null,
      record: null,
      failedAt: '2026-03-01T11:59:00.000Z',
      problem: null,
    });
    expect(result.outcome).toBe('unknown');
    expect(result.message).toBe('The NPI registry could not be asked (no answer); nothing is concluded');
  });

  it('judges an answer kept beside a later failure on the answer, and shows the failure', () => {
    const failedAt = '2026-03-01T11:59:00.000Z';
    const problem = 'no answer within 5000 ms';
    const kept = found(record({ firstName: 'AMANDA' }), { failedAt, problem });
    const result = registryCheck(doctor(), kept);
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(factsOf(result)).toEqual([
      ...asked,
      { label: 'Last attempt failed', value: `${failedAt}: ${problem}` },
      { label: 'Name', value: 'profile Dr. Amara J. Hill, registry AMANDA HILL' },
    ]);

    const stillMatching = registryCheck(doctor(), found(record(), { failedAt, problem }));
    expect(stillMatching.outcome).toBe('pass');
    expect(stillMatching.message).toBe(
      'The NPI registry record matches the profile (fetched at 2026-02-27T08:00:00.000Z; asking again at 2026-03-01T11:59:00.000Z failed)',
    );
  });

  it('blocks an NPI the registry has no record for, even when a later attempt failed', () => {
    const notFound: RegistryLookup = {
      source: 'nppes',
      subject: '1234567893',
      outcome: 'not_found',
      fetchedAt,
      record: null,
      failedAt: null,
      problem: null,
    };
    const result = registryCheck(doctor(), notFound);
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('block');
    expect(result.message).toBe('The NPI registry has no record for NPI 1234567893');
    expect(factsOf(result)).toEqual(asked);

    const later = registryCheck(doctor(), {
      ...notFound,
      failedAt: '2026-03-01T11:00:00.000Z',
      problem: 'x',
    });
    expect(later.severity).toBe('block');
    expect(factsOf(later)).toContainEqual({
      label: 'Last attempt failed',
      value: '2026-03-01T11:00:00.000Z: x',
    });
  });

  it('blocks an NPI that belongs to an organisation (NPI-2)', () => {
    const organisation = record({ enumerationType: 'NPI-2', firstName: '', lastName: '', credential: null });
    const result = registryCheck(doctor(), found(organisation));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('block');
    expect(result.message).toBe('NPI 1234567893 belongs to an organisation, not an individual doctor');
    expect(factsOf(result)).toContainEqual({
      label: 'Enumeration type',
      value: 'profile NPI-1, registry NPI-2',
    });
  });

  it('blocks a deactivated NPI', () => {
    const result = registryCheck(doctor(), found(record({ status: 'D' })));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('block');
    expect(result.message).toBe('NPI 1234567893 is deactivated in the registry');
    expect(factsOf(result)).toEqual([...asked, { label: 'NPI status', value: 'profile A, registry D' }]);
  });

  it('fails a record under another name as high', () => {
    const result = registryCheck(doctor(), found(record({ firstName: 'AMANDA' })));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(result.message).toBe("The NPI registry's name differs from the profile");
    expect(factsOf(result)).toEqual([
      ...asked,
      { label: 'Name', value: 'profile Dr. Amara J. Hill, registry AMANDA HILL' },
    ]);
  });

  it('fails a record with another credential, license state and number as high, naming each', () => {
    const result = registryCheck(
      doctor(),
      found(
        record({
          credential: 'D.O.',
          taxonomies: [
            { code: '208200000X', desc: 'Plastic Surgery', primary: true, state: 'NY', license: '301234' },
          ],
        }),
      ),
    );
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(result.message).toBe(
      "The NPI registry's credential, license state, license number differ from the profile",
    );
    expect(factsOf(result)).toEqual([
      ...asked,
      { label: 'Credential', value: 'profile MD, registry D.O.' },
      { label: 'License state', value: 'profile CA, registry NY' },
      { label: 'License number', value: 'profile A123456, registry 301234' },
    ]);
  });

  it('fails a record that differs only in specialty as medium', () => {
    const result = registryCheck(
      doctor(),
      found(
        record({
          taxonomies: [
            { code: '207N00000X', desc: 'Dermatology', primary: true, state: 'CA', license: 'A123456' },
          ],
        }),
      ),
    );
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('medium');
    expect(result.message).toBe('The registry lists the NPI under Dermatology, not Plastic surgery');
    expect(factsOf(result)).toEqual([
      ...asked,
      { label: 'Specialty', value: 'profile Plastic surgery, registry Dermatology' },
    ]);
  });

  it('passes a record that does not publish a credential', () => {
    expect(registryCheck(doctor(), found(record({ credential: null }))).outcome).toBe('pass');
  });

  it.each([
    ['1234567890', found()],
    ['123456789', null],
    ['12345A7893', null],
  ])('blocks the malformed NPI %s without a lookup', (npi, registry) => {
    const result = registryCheck(doctor({ npi }), registry);
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('block');
    expect(result.message).toBe(`No registry record can exist for the malformed NPI ${npi}`);
  });
});

describe('DOC_DISCIPLINE', () => {
  const orders: BoardOrder[] = [
    {
      state: 'CA',
      kind: 'reprimand',
      orderedOn: '2019-06-12',
      summary: 'Public reprimand for inadequate records of filler treatments',
    },
    {
      state: 'NV',
      kind: 'suspension',
      orderedOn: '2024-02-03',
      summary: 'License suspended 90 days for delegating injections to unlicensed staff',
    },
    {
      state: 'CA',
      kind: 'probation',
      orderedOn: '2021-10-30',
      summary: 'Three years of probation with a practice monitor',
    },
  ];

  it('passes a doctor with no board order on file', () => {
    const result = check('DOC_DISCIPLINE', doctor());
    expect(result.outcome).toBe('pass');
    expect(result.message).toBe('No board order on file');
  });

  it('fails one order as high, naming its board, kind and date', () => {
    const result = check('DOC_DISCIPLINE', doctor({ boardOrders: [orders[0]] }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(result.message).toBe('CA board reprimand of 2019-06-12');
    expect(factsOf(result)).toEqual([
      {
        label: '2019-06-12 CA reprimand',
        value: 'Public reprimand for inadequate records of filler treatments',
      },
    ]);
  });

  it('names the latest of several orders and lists them latest first', () => {
    const boardOrders = [...orders];
    const result = check('DOC_DISCIPLINE', doctor({ boardOrders }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('high');
    expect(result.message).toBe('NV board suspension of 2024-02-03 (3 orders on file)');
    expect(factsOf(result).map((fact) => fact.label)).toEqual([
      '2024-02-03 NV suspension',
      '2021-10-30 CA probation',
      '2019-06-12 CA reprimand',
    ]);
    expect(boardOrders).toEqual(orders);
  });
});

describe('DOC_REVERIFY', () => {
  const reverify = (item: DoctorItem, settings: RuleSettings = {}) =>
    check('DOC_REVERIFY', item, { settings });

  it.each(['unverified', 'pending', 'awaiting_confirmation', 'rejected'] as const)(
    'passes a %s doctor: nothing to renew',
    (verificationStatus) => {
      const result = reverify(doctor({ verificationStatus, verifiedAt: null }));
      expect(result.outcome).toBe('pass');
      expect(result.message).toBe('Not verified, so nothing to renew');
    },
  );

  it('passes a doctor verified 11 months ago', () => {
    const result = reverify(doctor({ verifiedAt: '2025-04-01T12:00:00.000Z' }));
    expect(result.outcome).toBe('pass');
    expect(result.message).toBe('Verified on 2025-04-01');
  });

  it('passes a doctor verified a day short of 12 months ago', () => {
    expect(reverify(doctor({ verifiedAt: '2025-03-02T12:00:00.000Z' })).outcome).toBe('pass');
  });

  it('fails a doctor verified 13 months ago as medium', () => {
    const result = reverify(doctor({ verifiedAt: '2025-02-01T12:00:00.000Z' }));
    expect(result.outcome).toBe('fail');
    expect(result.severity).toBe('medium');
    expect(result.message).toBe('Last verified on 2025-02-01: re-verification is due');
    expect(factsOf(result)).toEqual([{ label: 'Verified at', value: '2025-02-01T12:00:00.000Z' }]);
  });

  it('holds a verification as many months as the threshold setting says', () => {
    const twoYears = { DOC_REVERIFY: { enabled: true, threshold: 24 } };
    expect(reverify(doctor({ verifiedAt: '2025-02-01T12:00:00.000Z' }), twoYears).outcome).toBe('pass');
    expect(reverify(doctor({ verifiedAt: '2024-04-01T12:00:00.000Z' }), twoYears).outcome).toBe('pass');
    const due = reverify(doctor({ verifiedAt: '2024-02-01T12:00:00.000Z' }), twoYears);
    expect(due.outcome).toBe('fail');
    expect(due.severity).toBe('medium');
    expect(due.message).toBe('Last verified on 2024-02-01: re-verification is due');

    const sixMonths = { DOC_REVERIFY: { enabled: true, threshold: 6 } };
    expect(reverify(doctor({ verifiedAt: '2025-09-15T12:00:00.000Z' }), sixMonths).outcome).toBe('pass');
    expect(reverify(doctor({ verifiedAt: '2025-08-01T12:00:00.000Z' }), sixMonths).outcome).toBe('fail');
  });
});

describe('runRules over doctorRules', () => {
  const ids = [
    'DOC_NPI_FORMAT',
    'DOC_NPI_REGISTRY',
    'DOC_LICENSE_STATUS',
    'DOC_LICENSE_EXPIRY',
    'DOC_BOARD',
    'DOC_DISCIPLINE',
    'DOC_REVERIFY',
  ];

  it('passes a clean doctor on all seven rules, in order', () => {
    const results = runRules(doctorRules, doctor(), { now, registry: found() }, {});
    expect(results.map((result) => result.ruleId)).toEqual(ids);
    for (const result of results) {
      expect(result.outcome, `${result.ruleId}: ${result.message}`).toBe('pass');
      expect(result.evidence, result.ruleId).toBeUndefined();
    }
  });

  it('gives each rule the severity RULES.md lists as its worst', () => {
    expect(Object.fromEntries(doctorRules.map((rule) => [rule.id, rule.severity]))).toEqual({
      DOC_NPI_FORMAT: 'block',
      DOC_NPI_REGISTRY: 'block',
      DOC_LICENSE_STATUS: 'block',
      DOC_LICENSE_EXPIRY: 'block',
      DOC_BOARD: 'high',
      DOC_DISCIPLINE: 'high',
      DOC_REVERIFY: 'medium',
    });
  });

  it.each(ids)('leaves out %s when it is disabled', (id) => {
    const results = runRules(
      doctorRules,
      doctor(),
      { now, registry: found() },
      { [id]: { enabled: false, threshold: null } },
    );
    expect(results.map((result) => result.ruleId)).toEqual(ids.filter((other) => other !== id));
  });

  it('reports only what the enabled rules find', () => {
    const troubled = doctor({
      licenseStatus: 'suspended',
      board: 'International Board of Aesthetic Medicine',
    });
    const results = runRules(
      doctorRules,
      troubled,
      { now, registry: found() },
      { DOC_BOARD: { enabled: false, threshold: null } },
    );
    expect(results.filter((result) => result.outcome === 'fail').map((result) => result.ruleId)).toEqual([
      'DOC_LICENSE_STATUS',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type ClaimedCredentials,
  type ComparedField,
  compareWithRegistry,
  type FieldComparison,
  type RegistryRecord,
  type RegistryTaxonomy,
  sameName,
  specialtyTaxonomies,
} from '../../src/domain/credentials';

const claimed = (overrides: Partial<ClaimedCredentials> = {}): ClaimedCredentials => ({
  name: 'Dr. Amara J. Hill',
  credential: 'MD',
  specialty: 'Plastic surgery',
  npi: '1234567893',
  licenseState: 'CA',
  licenseNumber: 'A123456',
  ...overrides,
});

const taxonomy = (overrides: Partial<RegistryTaxonomy> = {}): RegistryTaxonomy => ({
  code: '208200000X',
  desc: 'Plastic Surgery',
  primary: true,
  state: 'CA',
  license: 'A123456',
  ...overrides,
});

const record = (overrides: Partial<RegistryRecord> = {}): RegistryRecord => ({
  number: '1234567893',
  enumerationType: 'NPI-1',
  firstName: 'AMARA',
  lastName: 'HILL',
  credential: 'M.D.',
  status: 'A',
  enumerationDate: '2012-04-18',
  lastUpdated: '2024-11-02',
  taxonomies: [taxonomy()],
  addresses: [],
  ...overrides,
});

const rowOf = (rows: FieldComparison[], field: ComparedField) => {
  const matching = rows.filter((row) => row.field === field);
  expect(matching).toHaveLength(1);
  return matching[0];
};

const verdicts = (rows: FieldComparison[]) => Object.fromEntries(rows.map((row) => [row.field, row.verdict]));

describe('sameName', () => {
  it.each([
    ['Amara Hill', 'AMARA', 'HILL'],
    ['Dr. Amara Hill', 'AMARA', 'HILL'],
    ['Dr Amara Hill', 'Amara', 'Hill'],
    ['Amara Joy Hill', 'AMARA', 'HILL'],
    ['Dr. Amara J. Hill', 'AMARA', 'HILL'],
    ['Amara Hill, MD', 'AMARA', 'HILL'],
    ['Amara Hill Jr.', 'AMARA', 'HILL'],
    ['Maria Lopez-Garcia', 'MARIA', 'LOPEZ-GARCIA'],
    ['Maria Lopez Garcia', 'MARIA', 'LOPEZ-GARCIA'],
    ['Maria Lopez-Garcia', 'MARIA', 'LOPEZ GARCIA'],
    ['José Núñez', 'JOSE', 'NUNEZ'],
    ['Jose Nunez', 'JOSÉ', 'NÚÑEZ'],
    ['Zoë Ångström', 'ZOE', 'ANGSTROM'],
    ["Sean O'Brien", 'SEAN', 'OBRIEN'],
    ['SEAN OBRIEN', 'Sean', "O'Brien"],
    ['Mary Ann Smith', 'MARY ANN', 'SMITH'],
  ])('"%s" is the registry\'s %s %s', (profile, first, last) => {
    expect(sameName(profile, first, last)).toBe(true);
  });

  it.each([
    ['Amanda Hill', 'AMARA', 'HILL'],
    ['Dr. Amara Hall', 'AMARA', 'HILL'],
    ['Hill Amara', 'AMARA', 'HILL'],
    ['Amara Lopez', 'AMARA', 'LOPEZ-GARCIA'],
    ['Maria Garcia', 'MARIA', 'LOPEZ-GARCIA'],
    ['Amara', 'AMARA', 'HILL'],
    ['Hill', 'AMARA', 'HILL'],
    ['Dr.', 'AMARA', 'HILL'],
    ['Amara Hill', '', 'HILL'],
    ['Amara Hill', 'AMARA', ''],
  ])('"%s" is not the registry\'s %s %s', (profile, first, last) => {
    expect(sameName(profile, first, last)).toBe(false);
  });

  it('matches a surname that is spelled like a degree or title', () => {
    expect(sameName('Anh Do', 'ANH', 'DO')).toBe(true);
    expect(sameName('Dr. Anh Do', 'ANH', 'DO')).toBe(true);
  });
});

describe('compareWithRegistry', () => {
  it('gives one row per field, in the order a verifier reads them', () => {
    const rows = compareWithRegistry(claimed(), record());
    expect(rows.map((row) => row.field)).toEqual([
      'enumerationType',
      'status',
      'name',
      'credential',
      'licenseState',
      'licenseNumber',
      'specialty',
    ]);
    expect(rows).toEqual([
      { field: 'enumerationType', claimed: 'NPI-1', registry: 'NPI-1', verdict: 'match' },
      { field: 'status', claimed: 'A', registry: 'A', verdict: 'match' },
      { field: 'name', claimed: 'Dr. Amara J. Hill', registry: 'AMARA HILL', verdict: 'match' },
      { field: 'credential', claimed: 'MD', registry: 'M.D.', verdict: 'match' },
      { field: 'licenseState', claimed: 'CA', registry: 'CA', verdict: 'match' },
      { field: 'licenseNumber', claimed: 'A123456', registry: 'A123456', verdict: 'match' },
      { field: 'specialty', claimed: 'Plastic surgery', registry: 'Plastic Surgery', verdict: 'match' },
    ]);
  });

  it('names the registry type and status that differ', () => {
    const rows = compareWithRegistry(claimed(), record({ enumerationType: 'NPI-2', status: 'D' }));
    expect(rowOf(rows, 'enumerationType')).toMatchObject({ registry: 'NPI-2', verdict: 'mismatch' });
    expect(rowOf(rows, 'status')).toMatchObject({ registry: 'D', verdict: 'mismatch' });
  });

  it.each([
    ['Dr. Amara Hill', 'AMARA', 'HILL', 'match'],
    ['Amara Joy Hill', 'AMARA', 'HILL', 'match'],
    ['Amara J Hill', 'AMARA', 'HILL', 'match'],
    ['Amara Lopez-Hill', 'AMARA', 'LOPEZ-HILL', 'match'],
    ['Amára Híll', 'AMARA', 'HILL', 'match'],
    ['Amanda Hill', 'AMARA', 'HILL', 'mismatch'],
    ['Amara Hall', 'AMARA', 'HILL', 'mismatch'],
  ] as const)('compares the profile name "%s" with %s %s: %s', (name, firstName, lastName, verdict) => {
    const row = rowOf(compareWithRegistry(claimed({ name }), record({ firstName, lastName })), 'name');
    expect(row).toEqual({ field: 'name', claimed: name, registry: `${firstName} ${lastName}`, verdict });
  });

  it.each([
    ['M.D.', 'MD', 'match'],
    ['MD', 'MD', 'match'],
    ['md', 'MD', 'match'],
    ['MD, FACS', 'MD', 'match'],
    ['M.D., PH.D.', 'MD', 'match'],
    ['D.O.', 'DO', 'match'],
    ['DO, FAOCD', 'DO', 'match'],
    ['D.O.', 'MD', 'mismatch'],
    ['M.D.', 'DO', 'mismatch'],
    ['PA-C', 'MD', 'mismatch'],
    ['NP', 'MD', 'mismatch'],
  ] as const)(
    'reads the registry credential %s against a claimed %s: %s',
    (credential, claimedCredential, verdict) => {
      const row = rowOf(
        compareWithRegistry(claimed({ credential: claimedCredential }), record({ credential })),
        'credential',
      );
      expect(row).toEqual({ field: 'credential', claimed: claimedCredential, registry: credential, verdict });
    },
  );

  it.each([null, '', '.'])('concludes nothing when the registry gives the credential %j', (credential) => {
    const row = rowOf(compareWithRegistry(claimed(), record({ credential })), 'credential');
    expect(row.verdict).toBe('missing');
  });

  it.each([
    ['A-123456', 'A123456'],
    ['A 123456', 'A123456'],
    ['a123456', 'A123456'],
    ['A0123456', 'A123456'],
    ['A123456', 'A00123456'],
    ['00045678', '45678'],
    ['45678', '0045678'],
    ['20A-12345', '20A12345'],
  ])('reads the registry license %s as the profile license %s', (license, licenseNumber) => {
    const rows = compareWithRegistry(
      claimed({ licenseNumber }),
      record({ taxonomies: [taxonomy({ license })] }),
    );
    expect(rowOf(rows, 'licenseState').verdict).toBe('match');
    expect(rowOf(rows, 'licenseNumber')).toEqual({
      field: 'licenseNumber',
      claimed: licenseNumber,
      registry: license,
      verdict: 'match',
    });
  });

  it('tells apart license numbers that differ in more than leading zeros', () => {
    const rows = compareWithRegistry(claimed(), record({ taxonomies: [taxonomy({ license: 'A123465' })] }));
    expect(rowOf(rows, 'licenseState').verdict).toBe('match');
    expect(rowOf(rows, 'licenseNumber')).toMatchObject({ registry: 'A123465', verdict: 'mismatch' });
    const inner = compareWithRegistry(
      claimed({ licenseNumber: '20A12345' }),
      record({ taxonomies: [taxonomy({ license: '2A12345' })] }),
    );
    expect(rowOf(inner, 'licenseNumber').verdict).toBe('mismatch');
  });

  it('sees a license held in another state only', () => {
    const rows = compareWithRegistry(
      claimed(),
      record({ taxonomies: [taxonomy({ state: 'NY', license: 'A123456' })] }),
    );
    expect(rowOf(rows, 'licenseState')).toEqual({
      field: 'licenseState',
      claimed: 'CA',
      registry: 'NY',
      verdict: 'mismatch',
    });
    expect(rowOf(rows, 'licenseNumber')).toMatchObject({ registry: 'A123456', verdict: 'mismatch' });
  });

  it('finds the license in the claimed state among several', () => {
    const rows = compareWithRegistry(
      claimed(),
      record({
        taxonomies: [
          taxonomy({ state: 'NY', license: '301234' }),
          taxonomy({ primary: false, state: 'ca', license: 'A-123456' }),
          taxonomy({ primary: false, state: 'NV', license: null }),
        ],
      }),
    );
    expect(rowOf(rows, 'licenseState')).toMatchObject({ registry: 'NY, ca', verdict: 'match' });
    expect(rowOf(rows, 'licenseNumber')).toMatchObject({ registry: 'A-123456', verdict: 'match' });
  });

  it('shows the in-state license when the number differs', () => {
    const rows = compareWithRegistry(
      claimed(),
      record({
        taxonomies: [
          taxonomy({ state: 'NY', license: '301234' }),
          taxonomy({ state: 'CA', license: 'A999999' }),
        ],
      }),
    );
    expect(rowOf(rows, 'licenseNumber')).toMatchObject({ registry: 'A999999', verdict: 'mismatch' });
  });

  it('concludes nothing about the license when the registry lists none', () => {
    const rows = compareWithRegistry(
      claimed(),
      record({ taxonomies: [taxonomy({ state: null, license: null })] }),
    );
    expect(rowOf(rows, 'licenseState')).toMatchObject({ registry: null, verdict: 'missing' });
    expect(rowOf(rows, 'licenseNumber')).toMatchObject({ registry: null, verdict: 'missing' });
    expect(rowOf(rows, 'specialty').verdict).toBe('match');
  });

  it.each(
    Object.entries(specialtyTaxonomies).flatMap(([specialty, codes]) =>
      codes.map((code) => [specialty, code]),
    ),
  )('accepts the claimed specialty "%s" for taxonomy %s', (specialty, code) => {
    const claimedSpecialty = specialty[0].toUpperCase() + specialty.slice(1);
    const rows = compareWithRegistry(
      claimed({ specialty: claimedSpecialty }),
      record({ taxonomies: [taxonomy({ code, desc: `taxonomy ${code}` })] }),
    );
    expect(rowOf(rows, 'specialty')).toEqual({
      field: 'specialty',
      claimed: claimedSpecialty,
      registry: `taxonomy ${code}`,
      verdict: 'match',
    });
  });

  it('finds no taxonomy for a specialty that names a member of an object ("Constructor")', () => {
    const rows = compareWithRegistry(claimed({ specialty: 'Constructor' }), record());
    expect(rowOf(rows, 'specialty').verdict).toBe('mismatch');
  });

  it('reads the specialty from any taxonomy, not the primary one only', () => {
    const rows = compareWithRegistry(
      claimed({ specialty: 'Dermatology' }),
      record({
        taxonomies: [
          taxonomy({ code: '207R00000X', desc: 'Internal Medicine', primary: true }),
          taxonomy({ code: '207ND0900X', desc: 'Dermatology, Dermatopathology', primary: false }),
        ],
      }),
    );
    expect(rowOf(rows, 'specialty')).toMatchObject({
      registry: 'Dermatology, Dermatopathology',
      verdict: 'match',
    });
  });

  it('shows the primary taxonomy when no taxonomy fits the claimed specialty', () => {
    const rows = compareWithRegistry(
      claimed({ specialty: 'Plastic surgery' }),
      record({
        taxonomies: [
          taxonomy({ code: '207Q00000X', desc: 'Family Medicine', primary: false }),
          taxonomy({ code: '207N00000X', desc: 'Dermatology', primary: true }),
        ],
      }),
    );
    expect(rowOf(rows, 'specialty')).toEqual({
      field: 'specialty',
      claimed: 'Plastic surgery',
      registry: 'Dermatology',
      verdict: 'mismatch',
    });
    expect(rowOf(rows, 'name').verdict).toBe('match');
  });

  it('does not accept a specialty the table does not know', () => {
    const rows = compareWithRegistry(
      claimed({ specialty: 'Wellness' }),
      record({ taxonomies: [taxonomy({ code: '207Q00000X', desc: 'Family Medicine' })] }),
    );
    expect(rowOf(rows, 'specialty')).toMatchObject({ registry: 'Family Medicine', verdict: 'mismatch' });
  });

  it('concludes nothing about specialty or license when the registry lists no taxonomy', () => {
    const rows = compareWithRegistry(claimed(), record({ taxonomies: [] }));
    expect(verdicts(rows)).toEqual({
      enumerationType: 'match',
      status: 'match',
      name: 'match',
      credential: 'match',
      licenseState: 'missing',
      licenseNumber: 'missing',
      specialty: 'missing',
    });
    expect(rowOf(rows, 'specialty').registry).toBeNull();
  });
});

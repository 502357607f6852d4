import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { File as NodeFile } from 'node:buffer';
import { beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import { demoAccounts } from '../../server/seed';
import type { Doctor, Moderator } from '../../src/domain/model';
import { reasonsOf } from '../../src/domain/reasons';
import type { RegistryComparison } from '../../src/providers/dataProvider';
import { apiGet, apiList, apiRequest, dataRows, renderApp } from './renderApp';

let app: App;

beforeEach(async () => {
  ({ app } = await useTestApi());
  await signInAs('verifier');
});

const allDoctors = async () => (await apiList<Doctor>(app, 'doctors', { range: [0, 999] })).records;

const doctorIn = async (status: Doctor['verificationStatus']) => {
  const doctor = (await allDoctors()).find((candidate) => candidate.verificationStatus === status);
  if (!doctor) throw new Error(`the fixture has no ${status} doctor`);
  return doctor;
};

async function registryOf(id: number, ask = false): Promise<RegistryComparison> {
  const response = await apiRequest(app, ask ? 'POST' : 'GET', `/api/doctors/${id}/registry`);
  if (!response.ok) throw new Error(`registry of doctor ${id} answered ${response.status}`);
  return (await response.json()) as RegistryComparison;
}

/** A doctor the registry knows, with at least one field it disagrees on; the lookup made if needed. */
async function doctorWithMismatch(): Promise<{ doctor: Doctor; registry: RegistryComparison }> {
  for (const doctor of await allDoctors()) {
    let registry = await registryOf(doctor.id);
    if (registry.outcome === 'not_looked_up') registry = await registryOf(doctor.id, true);
    if (registry.outcome === 'found' && registry.comparison.some((row) => row.verdict === 'mismatch')) {
      return { doctor: await apiGet<Doctor>(app, 'doctors', doctor.id), registry };
    }
  }
  throw new Error('no fixture doctor disagrees with the registry');
}

const moderatorNamed = async (email: string) =>
  (await apiList<Moderator>(app, 'moderators', { range: [0, 99] })).records.find((m) => m.email === email)!;

/** A well-formed NPI the demo registry has no recording of: asking about it cannot be answered. */
const unrecordedNpi = '1234567893';

const fieldNames: Record<string, string> = {
  name: 'Name',
  credential: 'Credential',
  specialty: 'Specialty',
  licenseNumber: 'License number',
  licenseState: 'License state',
  status: 'NPI status',
  enumerationType: 'Enumeration type',
};
const verdictNames = { match: 'Match', mismatch: 'Mismatch', missing: 'Missing' };
const codeNames: Record<string, string> = {
  A: 'Active',
  D: 'Deactivated',
  'NPI-1': 'NPI-1 (individual)',
  'NPI-2': 'NPI-2 (organization)',
};

describe("the verifier's desk: the profile beside the NPI registry", () => {
  it('lists every compared field with what the profile claims, what the registry says and a verdict', async () => {
    const { doctor, registry } = await doctorWithMismatch();
    const mismatches = registry.comparison.filter((row) => row.verdict === 'mismatch').length;

    renderApp(`/doctors/${doctor.id}/show`);

    const desk = await screen.findByRole('region', { name: 'NPI registry' });
    const table = await within(desk).findByRole('table', { name: 'Profile compared with the NPI registry' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(registry.comparison.length);
    registry.comparison.forEach((compared, index) => {
      const cells = within(rows[index]).getAllByRole('cell');
      expect(within(rows[index]).getByRole('rowheader')).toHaveTextContent(fieldNames[compared.field]);
      const shown = (value: string | null) => (value === null ? '—' : (codeNames[value] ?? value));
      expect(cells[0]).toHaveTextContent(shown(compared.claimed));
      expect(cells[1]).toHaveTextContent(shown(compared.registry));
      expect(cells[2]).toHaveTextContent(verdictNames[compared.verdict]);
    });
    expect(
      within(desk).getByText(`${mismatches} mismatch${mismatches === 1 ? '' : 'es'}`),
    ).toBeInTheDocument();
    expect(desk).toHaveTextContent(/NPPES NPI Registry · fetched \w{3} \d{1,2}, \d{4}/);
  });

  it('says plainly that the registry could not be reached, when and why, and that the rule shows unknown', async () => {
    const { records } = await apiList<Doctor>(app, 'doctors', { range: [0, 0] });
    const created = await apiRequest(app, 'POST', '/api/doctors', {
      ...Object.fromEntries(
        [
          'name',
          'credential',
          'specialty',
          'practiceName',
          'city',
          'licenseState',
          'licenseNumber',
          'licenseStatus',
          'licenseExpiresOn',
          'boardCertified',
        ].map((field) => [field, records[0][field as keyof Doctor]]),
      ),
      npi: unrecordedNpi,
    });
    expect(created.status).toBe(201);
    const doctor = (await created.json()) as Doctor;

    renderApp(`/doctors/${doctor.id}/show`);

    // The server asks the registry as soon as a doctor is created.
    const desk = await screen.findByRole('region', { name: 'NPI registry' });
    expect(await within(desk).findByText('The NPI registry could not be reached.')).toBeInTheDocument();
    await userEvent.click(within(desk).getByRole('button', { name: 'Ask the registry again' }));
    expect(await screen.findByText('The NPI registry could not be reached again')).toBeInTheDocument();

    const registry = await registryOf(doctor.id);
    expect(registry.outcome).toBe('unreachable');
    expect(desk).toHaveTextContent(/Tried \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M: /);
    expect(desk).toHaveTextContent(registry.problem!);
    expect(desk).toHaveTextContent('the registry rule shows “unknown”, not a failure');
    expect(within(desk).queryByRole('table')).toBeNull();
  });

  it('offers asking the registry again only to those who may decide doctors', async () => {
    const doctor = await doctorIn('pending');
    renderApp(`/doctors/${doctor.id}/show`);
    const desk = await screen.findByRole('region', { name: 'NPI registry' });
    expect(await within(desk).findByRole('button', { name: /^Ask the registry/ })).toBeInTheDocument();
    cleanup();

    await signInAs('moderator');
    renderApp(`/doctors/${doctor.id}/show`);
    const read = await screen.findByRole('region', { name: 'NPI registry' });
    await waitFor(() => expect(read).toHaveTextContent('NPPES NPI Registry'));
    expect(within(read).queryByRole('button', { name: /^Ask the registry/ })).toBeNull();
  });
});

// A 1x1 PNG and the smallest PDF a viewer opens: what the server judges by their first bytes.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// Node's File, as the console's FormData is Node's in these tests (see setup.ts).
const fileOf = (bytes: Buffer, name: string, type: string) =>
  new NodeFile([bytes], name, { type }) as unknown as File;

async function upload(kind: string, file: File) {
  const documents = await screen.findByRole('region', { name: 'Documents' });
  await userEvent.click(await within(documents).findByRole('combobox', { name: 'Kind' }));
  await userEvent.click(await screen.findByRole('option', { name: kind }));
  await userEvent
    .setup({ applyAccept: false })
    .upload(within(documents).getByLabelText('Choose a file'), file);
  await userEvent.click(within(documents).getByRole('button', { name: 'Upload' }));
  return documents;
}

describe("the verifier's desk: documents", () => {
  it('lists each uploaded document with its kind, name, size and upload time, the image and the PDF shown inline', async () => {
    const doctor = await doctorIn('pending');
    renderApp(`/doctors/${doctor.id}/show`);

    await upload('License', fileOf(png, 'license-scan.png', 'image/png'));
    const documents = screen.getByRole('region', { name: 'Documents' });
    const scan = await within(documents).findByRole('listitem', { name: 'License: license-scan.png' });
    await upload('Board certificate', fileOf(pdf, 'board.pdf', 'application/pdf'));
    const certificate = await within(documents).findByRole('listitem', {
      name: 'Board certificate: board.pdf',
    });

    const stored = (await apiGet<Doctor>(app, 'doctors', doctor.id)).documents;
    const [scanDocument, pdfDocument] = ['license-scan.png', 'board.pdf'].map((name) =>
      stored.find((document) => document.fileName === name)!,
    );
    expect(scan).toHaveTextContent(`License`);
    expect(scan).toHaveTextContent(`${png.length} B · uploaded`);
    expect(scan).toHaveTextContent(/uploaded \w{3} \d{1,2}, \d{4}/);
    await waitFor(() => expect(scan).toHaveTextContent('by Lena Kowalczyk'));
    expect(within(scan).getByRole('img', { name: 'License: license-scan.png' })).toHaveAttribute(
      'src',
      `/api/doctors/${doctor.id}/documents/${scanDocument.id}`,
    );
    expect(within(certificate).getByTitle('Board certificate: board.pdf')).toHaveAttribute(
      'src',
      `/api/doctors/${doctor.id}/documents/${pdfDocument.id}`,
    );
    expect(within(certificate).getByRole('link', { name: 'Open board.pdf in a new tab' })).toHaveAttribute(
      'href',
      `/api/doctors/${doctor.id}/documents/${pdfDocument.id}`,
    );
  });

  it("shows the server's refusal of a file that is not a PDF or an image, and stores nothing", async () => {
    const doctor = await doctorIn('pending');
    renderApp(`/doctors/${doctor.id}/show`);

    const documents = await upload(
      'License',
      fileOf(Buffer.from('not a scan at all'), 'notes.pdf', 'application/pdf'),
    );

    const refusal = await within(documents).findByText(/notes\.pdf was not stored:/);
    expect(refusal).toHaveTextContent('a document must be a PDF, JPEG, PNG or WebP file');
    expect((await apiGet<Doctor>(app, 'doctors', doctor.id)).documents).toHaveLength(doctor.documents.length);
  });

  it('offers no upload to a role that may not update doctors', async () => {
    await signInAs('moderator');
    const doctor = await doctorIn('pending');
    renderApp(`/doctors/${doctor.id}/show`);
    await screen.findByRole('region', { name: 'Documents' });
    expect(screen.queryByLabelText('Choose a file')).toBeNull();
  });
});

const decisionButtons = async () => {
  await screen.findByRole('button', { name: /Suspend|Verify|Confirm verification|Reinstate|Submit/ });
  return screen
    .getAllByRole('button')
    .filter((button) => button.closest('.MuiCard-root')?.querySelector('input[type=text], textarea'))
    .map((button) => button.textContent);
};

describe("the verifier's desk: decisions", () => {
  it('offers each status its own decisions', async () => {
    const expected: [Doctor['verificationStatus'], string[]][] = [
      ['pending', ['Verify', 'Reject', 'Ask for more information']],
      ['verified', ['Suspend', 'Re-verify']],
      ['suspended', ['Reinstate']],
      ['unverified', ['Submit for verification']],
    ];
    for (const [status, buttons] of expected) {
      const doctor = await doctorIn(status);
      renderApp(`/doctors/${doctor.id}/show`);
      expect(await screen.findByRole('status')).toHaveTextContent(
        {
          pending: 'Pending verification',
          verified: 'Verified',
          suspended: 'Suspended',
          unverified: 'Not verified',
        }[status as string]!,
      );
      for (const name of buttons) expect(await screen.findByRole('button', { name })).toBeEnabled();
      expect(await decisionButtons()).toEqual(expect.arrayContaining(buttons));
      cleanup();
    }
  });

  it('takes a second verifier: the first one sees why confirming is not theirs, another one confirms', async () => {
    const doctor = await doctorIn('pending');
    const verifier = await moderatorNamed(demoAccounts.verifier);
    renderApp(`/doctors/${doctor.id}/show`);

    await userEvent.click(await screen.findByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Awaiting second verifier');
    const notice = await screen.findByText(/Awaiting a second verifier — first verified by/);
    await waitFor(() => expect(notice).toHaveTextContent(`first verified by ${verifier.name} at`));
    expect(screen.getByRole('button', { name: 'Confirm verification' })).toBeDisabled();
    expect(screen.getByRole('note')).toHaveTextContent(
      'You verified this doctor first: a second verifier must confirm.',
    );
    expect((await apiGet<Doctor>(app, 'doctors', doctor.id)).verificationStatus).toBe(
      'awaiting_confirmation',
    );
    cleanup();

    await signInAs('senior');
    renderApp(`/doctors/${doctor.id}/show`);
    const confirm = await screen.findByRole('button', { name: 'Confirm verification' });
    expect(confirm).toBeEnabled();
    expect(screen.queryByRole('note')).toBeNull();
    await userEvent.click(confirm);

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Verified'));
    expect((await apiGet<Doctor>(app, 'doctors', doctor.id)).verificationStatus).toBe('verified');
  });

  it('asks the doctor for more information with a reason, and the history says so', async () => {
    const doctor = await doctorIn('pending');
    const reason = reasonsOf('doctors')[0];
    renderApp(`/doctors/${doctor.id}/show`);

    await userEvent.click(await screen.findByRole('button', { name: 'Ask for more information' }));
    const picker = await screen.findByRole('dialog', { name: 'What should the doctor send or correct?' });
    await userEvent.click(within(picker).getByRole('option', { name: new RegExp(reason.label) }));
    await userEvent.click(within(picker).getByRole('button', { name: 'Ask for more information' }));

    await waitFor(async () =>
      expect(await apiGet<Doctor>(app, 'doctors', doctor.id)).toMatchObject({
        verificationStatus: 'unverified',
        reasonCode: reason.code,
      }),
    );
    const history = await screen.findByRole('table', { name: 'History' });
    await waitFor(() =>
      expect(within(history).getAllByRole('row').at(-1)).toHaveTextContent(
        `Asked for more informationPending → Unverified${reason.label}`,
      ),
    );
  });
});

describe('doctors list: the verifiers queue', () => {
  it('lists verified doctors whose license expires within 30 days under a tab of their own', async () => {
    const by = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const expiring = await apiList<Doctor>(app, 'doctors', {
      filter: { verificationStatus: 'verified', licenseExpiresOn_lte: by },
      sort: ['riskScore', 'DESC'],
    });
    expect(expiring.total).toBeGreaterThan(0);

    renderApp('/doctors');
    await userEvent.click(
      await screen.findByRole('tab', { name: `License expiring in 30 days ${expiring.total}` }),
    );

    await waitFor(() => expect(dataRows()).toHaveLength(expiring.records.length));
    expiring.records.forEach((doctor, index) => {
      expect(dataRows()[index]).toHaveTextContent(`${doctor.name}, ${doctor.credential}`);
      expect(dataRows()[index]).toHaveTextContent(doctor.npi);
    });
    expect(screen.getByRole('tab', { selected: true })).toHaveTextContent('License expiring in 30 days');
  });

  it("shows each doctor's failed rules beside the risk", async () => {
    const pending = await apiList<Doctor>(app, 'doctors', {
      filter: { verificationStatus: 'pending' },
      sort: ['riskScore', 'DESC'],
    });
    const failing = pending.records.findIndex((doctor) =>
      doctor.ruleResults.some((result) => result.outcome === 'fail'),
    );
    expect(failing).toBeGreaterThanOrEqual(0);
    const doctor = pending.records[failing];

    renderApp('/doctors');

    await waitFor(() => expect(dataRows()).toHaveLength(pending.records.length));
    const row = dataRows()[failing];
    for (const result of doctor.ruleResults.filter((r) => r.outcome === 'fail')) {
      expect(within(row).getByText(result.ruleId.replace(/^DOC_/, ''))).toBeInTheDocument();
    }
    expect(row).toHaveTextContent(String(doctor.riskScore));
  });
});

describe('content of a doctor who is not verified', () => {
  it("says so on an answer's page, and holds the answer from approval", async () => {
    await signInAs('moderator');
    const doctors = await allDoctors();
    const unverified = doctors.filter((doctor) => doctor.verificationStatus !== 'verified');
    const { records: answers } = await apiList<{ id: number; doctorId: number; status: string }>(
      app,
      'answers',
      {
        filter: { doctorId: unverified.map((doctor) => doctor.id), status: 'pending' },
      },
    );
    expect(answers.length).toBeGreaterThan(0);
    const answer = answers[0];
    const doctor = doctors.find((candidate) => candidate.id === answer.doctorId)!;

    renderApp(`/answers/${answer.id}/show`);

    const banner = await screen.findByText(new RegExp(`^${doctor.name}, ${doctor.credential} is`));
    expect(banner).toHaveTextContent(
      doctor.verificationStatus === 'suspended'
        ? 'is suspended — answers by this doctor are held until reinstated.'
        : 'this answer cannot be approved until the doctor is verified.',
    );
    expect(await screen.findByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeEnabled();
  });

  it("says nothing on the page of a verified doctor's answer", async () => {
    await signInAs('moderator');
    const doctors = await allDoctors();
    const verified = doctors.filter((doctor) => doctor.verificationStatus === 'verified');
    const { records } = await apiList<{ id: number }>(app, 'answers', {
      filter: { doctorId: verified.map((doctor) => doctor.id), status: 'pending' },
    });
    renderApp(`/answers/${records[0].id}/show`);
    expect(await screen.findByRole('button', { name: 'Approve' })).toBeEnabled();
    expect(screen.queryByText(/is not verified|is suspended/)).toBeNull();
  });

  it("says a review's doctor is suspended", async () => {
    await signInAs('moderator');
    const doctor = await doctorIn('suspended');
    const { records } = await apiList<{ id: number }>(app, 'reviews', { filter: { doctorId: doctor.id } });
    expect(records.length).toBeGreaterThan(0);
    renderApp(`/reviews/${records[0].id}/show`);
    expect(
      await screen.findByText(`${doctor.name}, ${doctor.credential} is suspended`, { exact: false }),
    ).toHaveTextContent('the profile this review is about shows no Verified badge until reinstated.');
  });
});

describe('settings', () => {
  it('lets an admin switch four-eyes verification off, audited with who did it', async () => {
    await signInAs('admin');
    renderApp('/settings');

    const toggle = await screen.findByRole('switch', { name: 'Four-eyes verification of doctors' });
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);

    await waitFor(async () => {
      const settings = (await (await apiRequest(app, 'GET', '/api/settings')).json()) as {
        key: string;
        value: unknown;
      }[];
      expect(settings.find((setting) => setting.key === 'doctors.fourEyes')?.value).toBe(false);
    });
    expect(toggle).not.toBeChecked();
    const row = toggle.closest('li')!;
    await waitFor(() => expect(row).toHaveTextContent(/Changed \w{3} \d{1,2}, \d{4}.* by Dana Whitfield/));
  });

  it('lets a senior set the share of reviews drawn for second reviews, in percent', async () => {
    await signInAs('senior');
    renderApp('/settings');

    const share = await screen.findByRole('spinbutton', { name: 'Second reviews of reviews' });
    expect(within(share.closest('li')!).getByText('%')).toBeInTheDocument();
    // The dashboard's targets are the admin's to change.
    const target = screen.getByRole('spinbutton', { name: 'Target for reviews' });
    expect(target).toBeDisabled();
    expect(within(target.closest('li')!).getByText('h')).toBeInTheDocument();

    await userEvent.clear(share);
    await userEvent.type(share, '10{Enter}');
    expect(await screen.findByText('Second reviews of reviews set to 10%')).toBeInTheDocument();
    const settings = (await (await apiRequest(app, 'GET', '/api/settings')).json()) as {
      key: string;
      value: unknown;
    }[];
    expect(settings.find((setting) => setting.key === 'quality.samplePercent.reviews')?.value).toBe(10);
  });

  it('shows the settings to a verifier without a way to change them', async () => {
    renderApp('/settings');
    expect(await screen.findByText('Four-eyes verification of doctors')).toBeInTheDocument();
    expect(screen.getByText('Only an admin can change these settings.')).toBeInTheDocument();
    expect(screen.getByText('On')).toBeInTheDocument();
    expect(screen.queryByRole('switch')).toBeNull();
  });
});

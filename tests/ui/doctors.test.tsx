import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import { verificationStatuses, type Answer, type Doctor } from '../../src/domain/model';
import { apiList, dataRows, renderApp } from './renderApp';

let app: App;

beforeAll(async () => {
  ({ app } = await useTestApi());
});

beforeEach(async () => {
  await signInAs('verifier');
});

const statusNames: Record<string, string> = {
  unverified: 'Unverified',
  pending: 'Pending',
  awaiting_confirmation: 'Awaiting confirmation',
  verified: 'Verified',
  rejected: 'Rejected',
  suspended: 'Suspended',
};

describe('doctors list', () => {
  it('opens on the doctors waiting for verification, with a tab and count per verification status', async () => {
    const pending = await apiList<Doctor>(app, 'doctors', {
      filter: { verificationStatus: 'pending' },
      sort: ['riskScore', 'DESC'],
    });
    expect(pending.total).toBeGreaterThan(0);

    renderApp('/doctors');

    await waitFor(() => expect(dataRows()).toHaveLength(pending.records.length));
    pending.records.forEach((doctor, index) => {
      expect(dataRows()[index]).toHaveTextContent(`${doctor.name}, ${doctor.credential}`);
      expect(dataRows()[index]).toHaveTextContent(doctor.npi);
    });
    for (const status of verificationStatuses) {
      const { total } = await apiList(app, 'doctors', { filter: { verificationStatus: status } });
      expect(await screen.findByRole('tab', { name: `${statusNames[status]} ${total}` })).toBeInTheDocument();
    }
    const all = await apiList(app, 'doctors');
    expect(await screen.findByRole('tab', { name: `All ${all.total}` })).toBeInTheDocument();
  });
});

describe('doctor page', () => {
  it('shows the credentials, the documents and the most recent answers', async () => {
    const { records: doctors } = await apiList<Doctor>(app, 'doctors', { range: [0, 999] });
    const doctor = doctors.find((candidate) => candidate.documents.length > 0) ?? doctors[0];
    const answers = await apiList<Answer>(app, 'answers', {
      filter: { doctorId: doctor.id },
      sort: ['createdAt', 'DESC'],
      range: [0, 4],
    });

    renderApp(`/doctors/${doctor.id}/show`);

    const credentials = await screen.findByRole('region', { name: 'Credentials' });
    await waitFor(() => expect(credentials).toHaveTextContent(`NPI${doctor.npi}`));
    expect(credentials).toHaveTextContent(`License number${doctor.licenseNumber}`);
    expect(credentials).toHaveTextContent(`State${doctor.licenseState}`);
    expect(credentials).toHaveTextContent(`Board certified${doctor.boardCertified ? 'Yes' : 'No'}`);
    const documents = screen.getByRole('region', { name: 'Documents' });
    for (const document of doctor.documents) expect(documents).toHaveTextContent(document.fileName);

    const recentAnswers = screen.getByRole('region', { name: 'Recent answers' });
    if (answers.total === 0) {
      expect(await within(recentAnswers).findByText('No answers yet')).toBeInTheDocument();
    } else {
      await waitFor(() =>
        expect(dataRows(within(recentAnswers).getByRole('table'))).toHaveLength(answers.records.length),
      );
    }
  });
});

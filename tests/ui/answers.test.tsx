import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import type { Answer, Doctor, Question } from '../../src/domain/model';
import { apiGet, apiList, dataRows, renderApp } from './renderApp';

let app: App;

beforeAll(async () => {
  ({ app } = await useTestApi());
});

beforeEach(async () => {
  await signInAs('moderator');
});

describe('answers list', () => {
  it('opens on pending answers riskiest first, and another status tab shows that status only', async () => {
    const pending = await apiList<Answer>(app, 'answers', {
      filter: { status: 'pending' },
      sort: ['riskScore', 'DESC'],
    });
    expect(pending.total).toBeGreaterThan(0);
    const firstQuestion = await apiGet<Question>(app, 'questions', pending.records[0].questionId);
    const decided = await apiList<Answer>(app, 'answers', {
      filter: { status: 'approved' },
      sort: ['riskScore', 'DESC'],
    });
    expect(decided.total).toBeGreaterThan(0);

    renderApp('/answers');

    await waitFor(() => expect(dataRows()).toHaveLength(pending.records.length));
    await waitFor(() => expect(dataRows()[0]).toHaveTextContent(firstQuestion.title));
    expect(await screen.findByRole('tab', { name: `Pending ${pending.total}` })).toBeInTheDocument();

    await userEvent.click(await screen.findByRole('tab', { name: `Approved ${decided.total}` }));
    await waitFor(() => expect(dataRows()).toHaveLength(decided.records.length));
    await waitFor(() => {
      for (const row of dataRows()) expect(within(row).getByText('Approved')).toBeInTheDocument();
    });
  });
});

describe('answer page', () => {
  it('shows the question above the answer, and the doctor with their credentials', async () => {
    const { records } = await apiList<Answer>(app, 'answers', { sort: ['riskScore', 'DESC'] });
    const answer = records[0];
    const question = await apiGet<Question>(app, 'questions', answer.questionId);
    const doctor = await apiGet<Doctor>(app, 'doctors', answer.doctorId);

    renderApp(`/answers/${answer.id}/show`);

    const questionRegion = await screen.findByRole('region', { name: 'Question' });
    await waitFor(() => expect(questionRegion).toHaveTextContent(question.title));
    expect(questionRegion).toHaveTextContent(question.body.replace(/\s+/g, ' ').trim());
    expect(screen.getByRole('region', { name: 'Answer' })).toHaveTextContent(
      answer.body.replace(/\s+/g, ' ').trim(),
    );
    const doctorCard = screen.getByRole('region', { name: 'Doctor' });
    await waitFor(() => expect(doctorCard).toHaveTextContent(`${doctor.name}, ${doctor.credential}`));
    expect(doctorCard).toHaveTextContent(`NPI${doctor.npi}`);
    expect(doctorCard).toHaveTextContent(doctor.specialty);
    const verification = doctor.verificationStatus[0].toUpperCase() + doctor.verificationStatus.slice(1);
    expect(within(doctorCard).getByText(verification)).toBeInTheDocument();
    const moderation = screen.getByRole('region', { name: 'Moderation' });
    expect(moderation).toHaveTextContent(String(answer.riskScore));
  });
});

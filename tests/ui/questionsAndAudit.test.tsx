import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInAs, useTestApi } from '../../mocks/node';
import type { App } from '../../server/app';
import type { Answer, AuditEntry, Question } from '../../src/domain/model';
import { apiList, dataRows, renderApp, sortedBy } from './renderApp';

let app: App;

beforeAll(async () => {
  ({ app } = await useTestApi());
});

beforeEach(async () => {
  await signInAs('senior');
});

describe('questions', () => {
  it('lists the newest questions first', async () => {
    const newest = await apiList<Question>(app, 'questions', { sort: ['createdAt', 'DESC'] });

    renderApp('/questions');

    await waitFor(() => expect(dataRows()).toHaveLength(newest.records.length));
    expect(sortedBy()).toEqual(['Asked descending']);
    newest.records.forEach((question, index) => {
      expect(dataRows()[index]).toHaveTextContent(question.title);
      expect(dataRows()[index]).toHaveTextContent(question.askerName);
    });
  });

  it('shows a question with all of its answers, whatever their status', async () => {
    const { records: answers } = await apiList<Answer>(app, 'answers', { range: [0, 999] });
    const answerCounts = new Map<number, number>();
    for (const answer of answers)
      answerCounts.set(answer.questionId, (answerCounts.get(answer.questionId) ?? 0) + 1);
    const [questionId, answerCount] = [...answerCounts].sort((a, b) => b[1] - a[1])[0];
    const { records: questions } = await apiList<Question>(app, 'questions', {
      filter: { id: [questionId] },
    });

    renderApp(`/questions/${questionId}/show`);

    const question = await screen.findByRole('region', { name: 'Question' });
    await waitFor(() => expect(question).toHaveTextContent(questions[0].title));
    const answersRegion = screen.getByRole('region', { name: 'Answers' });
    await waitFor(() =>
      expect(dataRows(within(answersRegion).getByRole('table'))).toHaveLength(Math.min(answerCount, 10)),
    );
  });
});

describe('audit log', () => {
  it('lists the newest entries first, each naming its record and status change', async () => {
    const newest = await apiList<AuditEntry>(app, 'audit', { sort: ['id', 'DESC'], range: [0, 49] });
    expect(newest.total).toBeGreaterThan(0);

    renderApp('/audit');

    await waitFor(() => expect(dataRows()).toHaveLength(newest.records.length));
    expect(sortedBy()).toEqual(['Entry descending']);
    const first = newest.records[0];
    const firstRow = dataRows()[0];
    expect(firstRow).toHaveTextContent(String(first.id));
    expect(firstRow).toHaveTextContent(first.action);
    expect(firstRow).toHaveTextContent(`#${first.recordId}`);
  });

  it('shows an entry with its hash chain in monospace', async () => {
    const { records } = await apiList<AuditEntry>(app, 'audit', { sort: ['id', 'DESC'], range: [0, 0] });
    const entry = records[0];

    renderApp(`/audit/${entry.id}/show`);

    const hash = await screen.findByText(entry.hash);
    expect(hash).toHaveStyle({ fontFamily: 'monospace' });
    expect(screen.getByText(entry.prevHash)).toHaveStyle({ fontFamily: 'monospace' });
    expect(screen.getByRole('region', { name: 'Audit entry' })).toHaveTextContent(`Action${entry.action}`);
  });
});

import { describe, expect, it } from 'vitest';
import { type Role, roles, type RuleResult } from '../../src/domain/model';
import { noticePlaceholders, reasonCatalogue, reasonsOf, renderNotice } from '../../src/domain/reasons';
import {
  actionsOf,
  type DecisionAction,
  type DecisionPlan,
  type ModeratedResource,
  moderatedResources,
  openStatuses,
  needsReason,
  planDecision,
  requestProblem,
  revertWindowMs,
} from '../../src/domain/transitions';

/**
 * The status machines against a table written out by hand, so that a slip in the machine cannot
 * pass by deriving the expectations from the machine itself. A cell is the status the action
 * leads to, with who may take it (D: whoever decides the type, E: seniors and admins, R: anyone
 * reverting someone else's decision, i.e. seniors and admins), or the refusal everyone gets.
 */
const contentGrid: Record<string, Record<string, string>> = {
  pending: {
    approve: 'approved D',
    reject: 'rejected D',
    escalate: 'escalated D',
    revert: 'invalid_transition',
  },
  escalated: {
    approve: 'approved E',
    reject: 'rejected E',
    escalate: 'already_decided',
    revert: 'pending R',
  },
  approved: {
    approve: 'already_decided',
    reject: 'already_decided',
    escalate: 'already_decided',
    revert: 'pending R',
  },
  rejected: {
    approve: 'already_decided',
    reject: 'already_decided',
    escalate: 'already_decided',
    revert: 'pending R',
  },
};

const doctorGrid: Record<string, Record<string, string>> = {
  unverified: {
    submit: 'pending D',
    verify: 'invalid_transition',
    reject: 'invalid_transition',
    request_info: 'invalid_transition',
    suspend: 'invalid_transition',
    reinstate: 'invalid_transition',
    reverify: 'invalid_transition',
    revert: 'invalid_transition',
  },
  pending: {
    submit: 'invalid_transition',
    verify: 'awaiting_confirmation D',
    reject: 'rejected D',
    request_info: 'unverified D',
    suspend: 'invalid_transition',
    reinstate: 'invalid_transition',
    reverify: 'invalid_transition',
    revert: 'invalid_transition',
  },
  awaiting_confirmation: {
    submit: 'invalid_transition',
    verify: 'verified D',
    reject: 'rejected D',
    request_info: 'unverified D',
    suspend: 'invalid_transition',
    reinstate: 'invalid_transition',
    reverify: 'invalid_transition',
    revert: 'pending R',
  },
  verified: {
    submit: 'already_decided',
    verify: 'already_decided',
    reject: 'already_decided',
    request_info: 'already_decided',
    suspend: 'suspended D',
    reinstate: 'already_decided',
    reverify: 'pending D',
    revert: 'pending R',
  },
  rejected: {
    submit: 'already_decided',
    verify: 'already_decided',
    reject: 'already_decided',
    request_info: 'already_decided',
    suspend: 'already_decided',
    reinstate: 'already_decided',
    reverify: 'already_decided',
    revert: 'pending R',
  },
  suspended: {
    submit: 'already_decided',
    verify: 'already_decided',
    reject: 'already_decided',
    request_info: 'already_decided',
    suspend: 'already_decided',
    reinstate: 'verified D',
    reverify: 'already_decided',
    revert: 'pending R',
  },
};

const deciders: Record<ModeratedResource, readonly Role[]> = {
  answers: ['moderator', 'senior', 'admin'],
  reviews: ['moderator', 'senior', 'admin'],
  photos: ['moderator', 'senior', 'admin'],
  doctors: ['verifier', 'senior', 'admin'],
};
const seniors: readonly Role[] = ['senior', 'admin'];

const now = new Date('2026-11-01T09:00:00.000Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
const me = 7;
const someoneElse = 8;

/** A reason each type's catalogue has, for the actions that need one. */
const aReason: Record<ModeratedResource, string> = {
  answers: 'promotional',
  reviews: 'incentivized',
  photos: 'edited_photo',
  doctors: 'license_suspended',
};

function expected(resource: ModeratedResource, cell: string, role: Role): string {
  if (!deciders[resource].includes(role)) return 'forbidden';
  const [outcome, who] = cell.split(' ');
  if (who === 'E' || who === 'R') return seniors.includes(role) ? outcome : 'forbidden';
  return outcome;
}

const outcome = (plan: DecisionPlan) => (plan.ok ? plan.transition.to : plan.refusal);

describe('the status machines', () => {
  for (const resource of moderatedResources) {
    const grid = resource === 'doctors' ? doctorGrid : contentGrid;

    it(`take every action on ${resource} from every status, for every role`, () => {
      let cells = 0;
      for (const [status, row] of Object.entries(grid)) {
        expect(Object.keys(row).sort(), status).toEqual([...actionsOf(resource)].sort());
        for (const [action, cell] of Object.entries(row)) {
          for (const role of roles) {
            const plan = planDecision({
              resource,
              // Someone else decided it an hour ago: only seniors and admins may revert that.
              record: { status, decidedBy: someoneElse, decidedAt: minutesAgo(60) },
              action,
              reasonCode: needsReason(action as DecisionAction) ? aReason[resource] : null,
              actor: { id: me, role },
              now,
            });
            expect(outcome(plan), `${role} ${action} a ${status} ${resource}`).toBe(
              expected(resource, cell, role),
            );
            cells += 1;
          }
        }
      }
      expect(cells).toBe(Object.keys(grid).length * actionsOf(resource).length * roles.length);
    });

    it(`refuses the other type's actions on ${resource}, whoever asks`, () => {
      const foreign = resource === 'doctors' ? ['approve', 'escalate'] : ['verify', 'suspend', 'submit'];
      for (const action of [...foreign, 'delete', '']) {
        for (const role of roles) {
          const plan = planDecision({
            resource,
            record: { status: 'pending', decidedBy: null, decidedAt: null },
            action,
            actor: { id: me, role },
            now,
          });
          expect(outcome(plan), `${role} ${action}`).toBe('invalid_transition');
        }
      }
    });
  }

  it('lets the decider revert their own decision for 10 minutes, seniors and admins at any time', () => {
    const revert = (
      role: Role,
      decidedBy: number,
      decidedAt: string,
      resource: ModeratedResource = 'reviews',
    ) =>
      outcome(
        planDecision({
          resource,
          record: { status: resource === 'doctors' ? 'verified' : 'approved', decidedBy, decidedAt },
          action: 'revert',
          actor: { id: me, role },
          now,
        }),
      );
    expect(revertWindowMs).toBe(10 * 60_000);
    expect(revert('moderator', me, minutesAgo(0))).toBe('pending');
    expect(revert('moderator', me, minutesAgo(9.99))).toBe('pending');
    expect(revert('moderator', me, minutesAgo(10))).toBe('pending');
    expect(revert('moderator', me, minutesAgo(10.001))).toBe('forbidden');
    expect(revert('moderator', someoneElse, minutesAgo(1))).toBe('forbidden');
    expect(revert('verifier', me, minutesAgo(5), 'doctors')).toBe('pending');
    expect(revert('verifier', me, minutesAgo(11), 'doctors')).toBe('forbidden');
    // Deciding a type is still needed: a verifier cannot revert a review, even their "own".
    expect(revert('verifier', me, minutesAgo(1))).toBe('forbidden');
    for (const role of seniors) {
      expect(revert(role, someoneElse, minutesAgo(60 * 24 * 365))).toBe('pending');
      expect(revert(role, me, minutesAgo(60 * 24 * 365), 'doctors')).toBe('pending');
    }
  });

  it('needs a reason from the type catalogue to reject or suspend, and none for the other actions', () => {
    const problem = (resource: ModeratedResource, action: string, reasonCode?: string | null) =>
      requestProblem(resource, action, reasonCode)?.refusal ?? 'fine';
    for (const resource of moderatedResources) {
      expect(problem(resource, 'reject', aReason[resource])).toBe('fine');
      expect(problem(resource, 'reject')).toBe('reason_required');
      expect(problem(resource, 'reject', null)).toBe('reason_required');
      expect(problem(resource, 'reject', 'no_such_reason')).toBe('unknown_reason');
      expect(problem(resource, 'revert', aReason[resource])).toBe('unexpected_reason');
    }
    // Each type has its own catalogue.
    expect(problem('reviews', 'reject', 'npi_invalid')).toBe('unknown_reason');
    expect(problem('doctors', 'reject', 'incentivized')).toBe('unknown_reason');
    expect(problem('answers', 'approve')).toBe('fine');
    expect(problem('answers', 'approve', 'promotional')).toBe('unexpected_reason');
    expect(problem('answers', 'escalate', null)).toBe('fine');
    expect(problem('doctors', 'suspend')).toBe('reason_required');
    expect(problem('doctors', 'suspend', 'license_suspended')).toBe('fine');
    expect(problem('doctors', 'verify', 'npi_invalid')).toBe('unexpected_reason');
    // planDecision refuses the same, on a record the action could otherwise leave.
    const plan = planDecision({
      resource: 'photos',
      record: { status: 'pending', decidedBy: null, decidedAt: null },
      action: 'reject',
      actor: { id: me, role: 'moderator' },
      now,
    });
    expect(plan).toEqual({ ok: false, refusal: 'reason_required', message: 'reject needs a reason code' });
  });

  it('names the statuses worth claiming: those a decision can still leave', () => {
    expect(openStatuses('reviews')).toEqual(['pending', 'escalated']);
    expect([...openStatuses('doctors')].sort()).toEqual([
      'awaiting_confirmation',
      'pending',
      'suspended',
      'unverified',
      'verified',
    ]);
  });
});

describe('four-eyes verification', () => {
  const verify = (status: string, firstVerifier: number | null, fourEyes?: boolean) =>
    outcome(
      planDecision({
        resource: 'doctors',
        record: { status, decidedBy: firstVerifier, decidedAt: minutesAgo(30) },
        action: 'verify',
        actor: { id: me, role: 'verifier' },
        now,
        fourEyes,
      }),
    );

  it('leaves a first verification awaiting a second verifier, who confirms it', () => {
    expect(verify('pending', null)).toBe('awaiting_confirmation');
    expect(verify('awaiting_confirmation', someoneElse)).toBe('verified');
  });

  it('refuses the first verifier as the second one, whatever their role', () => {
    expect(verify('awaiting_confirmation', me)).toBe('four_eyes');
    const admin = planDecision({
      resource: 'doctors',
      record: { status: 'awaiting_confirmation', decidedBy: me, decidedAt: minutesAgo(1) },
      action: 'verify',
      actor: { id: me, role: 'admin' },
      now,
    });
    expect(outcome(admin)).toBe('four_eyes');
  });

  it('verifies at once when four-eyes is switched off', () => {
    expect(verify('pending', null, false)).toBe('verified');
  });
});

describe('holding an approval', () => {
  const approve = (ruleResults: RuleResult[]) =>
    planDecision({
      resource: 'answers',
      record: { status: 'pending', decidedBy: null, decidedAt: null, ruleResults },
      action: 'approve',
      actor: { id: me, role: 'moderator' },
      now,
    });
  const author = (outcome: RuleResult['outcome']): RuleResult => ({
    ruleId: 'ANS_AUTHOR_UNVERIFIED',
    outcome,
    severity: 'block',
    message: 'Author is not a doctor in good standing (verification suspended)',
  });

  it('holds an answer whose author is not verified, and says why', () => {
    const plan = approve([author('fail')]);
    expect(plan).toMatchObject({ ok: false, refusal: 'held' });
    expect(!plan.ok && plan.message).toMatch(/verification suspended.*stays pending/);
  });

  it("lets it through once the author's check passes, or when it cannot be judged", () => {
    expect(outcome(approve([author('pass')]))).toBe('approved');
    expect(outcome(approve([author('unknown')]))).toBe('approved');
  });

  it('still lets a moderator reject or escalate a held answer', () => {
    for (const action of ['reject', 'escalate']) {
      const plan = planDecision({
        resource: 'answers',
        record: { status: 'pending', decidedBy: null, decidedAt: null, ruleResults: [author('fail')] },
        action,
        reasonCode: action === 'reject' ? 'unverified_author' : null,
        actor: { id: me, role: 'moderator' },
        now,
      });
      expect(plan.ok, action).toBe(true);
    }
  });
});

describe('the reason catalogue', () => {
  it('has the reasons each content type is rejected for', () => {
    const codes = Object.fromEntries(
      moderatedResources.map((resource) => [resource, reasonsOf(resource).map((r) => r.code)]),
    );
    expect(codes).toEqual({
      answers: [
        'misleading_claim',
        'promotional',
        'not_medical_advice',
        'unverified_author',
        'patient_privacy',
      ],
      reviews: [
        'incentivized',
        'conflict_of_interest',
        'duplicate',
        'not_patient_experience',
        'privacy',
        'abusive',
      ],
      photos: ['edited_photo', 'not_own_photo', 'no_consent', 'misleading_framing', 'not_before_after'],
      doctors: [
        'npi_invalid',
        'license_invalid',
        'license_suspended',
        'board_unverified',
        'identity_mismatch',
        'license_expired',
        'documents_missing',
        'board_order',
      ],
    });
  });

  it('has no reason to reject a review for being negative (FTC 16 CFR 465.7)', () => {
    for (const { code, label } of reasonCatalogue.reviews) {
      expect(`${code} ${label}`).not.toMatch(
        /negativ|rating|star|sentiment|unfair|complain|critic|disagree|tone/i,
      );
    }
  });

  it('gives every reason a label and a message that uses only its type’s placeholders', () => {
    for (const resource of moderatedResources) {
      for (const { code, label, message } of reasonsOf(resource)) {
        expect(label.length, code).toBeGreaterThan(3);
        const used = [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        expect(used.length, code).toBeGreaterThan(0);
        for (const placeholder of used) {
          expect(noticePlaceholders[resource] as readonly string[], `${code} {${placeholder}}`).toContain(
            placeholder,
          );
        }
      }
    }
  });

  it('renders a message with the item’s values, leaving unknown placeholders as written', () => {
    expect(
      renderNotice('Dear {authorName}, "{title}" {nope}', { authorName: 'Dr. Hart', title: 'Is it {x}?' }),
    ).toBe('Dear Dr. Hart, "Is it {x}?" {nope}');
  });
});

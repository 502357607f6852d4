import InfoIcon from '@mui/icons-material/InfoOutlined';
import { Button, Card, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  useCanAccess,
  useDataProvider,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import type { RuleResult } from '../domain/model';
import {
  holdingRule,
  needsReason,
  transitionsOf,
  type DecisionAction,
  type ModeratedResource,
} from '../domain/transitions';
import type { DecisionRequest, VerityDataProvider } from '../providers/dataProvider';
import { conflictMessage } from './decisionMessages';
import { ReasonPicker } from './ReasonPicker';

const actionColors: Partial<Record<DecisionAction, 'success' | 'error' | 'info'>> = {
  approve: 'success',
  verify: 'success',
  reinstate: 'success',
  reject: 'error',
  suspend: 'error',
  escalate: 'info',
};

/**
 * Why an action the status machine offers is still not the moderator's to take, as the server
 * would refuse it: the first verifier of a doctor cannot be the second (four-eyes), and an answer
 * whose author is not verified is held from approval. Null when nothing stands in the way.
 */
function obstacle(
  resource: ModeratedResource,
  record: RaRecord,
  status: string,
  action: DecisionAction,
  ownDecision: boolean,
  translate: (key: string) => string,
): string | null {
  if (resource === 'doctors' && status === 'awaiting_confirmation' && action === 'verify' && ownDecision) {
    return translate('verity.decision.four_eyes');
  }
  if (action === 'approve') {
    const held = holdingRule(Array.isArray(record.ruleResults) ? (record.ruleResults as RuleResult[]) : []);
    if (held) return held.message;
  }
  return null;
}

/** The button's word: verifying a doctor someone else verified first is confirming it. */
const actionLabel = (resource: ModeratedResource, status: string, action: DecisionAction) =>
  resource === 'doctors' && status === 'awaiting_confirmation' && action === 'verify'
    ? 'verity.decision.action.confirm'
    : `verity.decision.action.${action}`;

/**
 * The decisions the signed-in moderator may take on the record from where it stands, read from
 * the same status machine and permission table the server applies. Pessimistic: the page shows
 * the record once the server has accepted the decision; a 409 says who decided first.
 */
export const DecisionBar = ({
  statusSource = 'status',
}: {
  statusSource?: 'status' | 'verificationStatus';
}) => {
  const record = useRecordContext();
  const resource = useResourceContext() as ModeratedResource;
  const dataProvider = useDataProvider<VerityDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const { canAccess: mayDecide } = useCanAccess({ action: 'decide', resource });
  const { canAccess: mayDecideEscalated } = useCanAccess({ action: 'decideEscalated', resource });
  const { canAccess: mayRevertAny } = useCanAccess({ action: 'revertAny', resource });
  const [note, setNote] = useState('');
  const [picking, setPicking] = useState<DecisionAction | null>(null);

  const decision = useMutation({
    mutationFn: (request: Omit<DecisionRequest, 'version'>) =>
      dataProvider.decide(resource, record!.id, { ...request, version: record!.version as number }),
    onSuccess: (decided, { action }) => {
      setNote('');
      const awaiting = decided?.verificationStatus === 'awaiting_confirmation';
      notify(awaiting ? 'verity.decision.done.verify_first' : `verity.decision.done.${action}`, {
        type: 'success',
      });
      refresh();
    },
    onError: (error) => {
      notify(conflictMessage(error, translate) ?? (error as Error).message, { type: 'error' });
      refresh();
    },
  });

  if (!record || !mayDecide) return null;
  const status = record[statusSource] as string;
  // The server also holds the decider to the undo window; past it, its refusal says so.
  const own = identity !== undefined && record.decidedBy === identity.id;
  const actions = transitionsOf(resource)
    .filter((t) => t.from === status)
    .filter((t) => t.permission === 'decide' || (t.permission === 'decideEscalated' && mayDecideEscalated))
    .filter((t) => t.action !== 'revert' || mayRevertAny || own)
    .map((t) => t.action);
  if (actions.length === 0) return null;

  const take = (action: DecisionAction) => {
    if (needsReason(action)) setPicking(action);
    else decision.mutate({ action, note: note.trim() || null });
  };
  const obstacles = new Map(
    actions.map((action) => [action, obstacle(resource, record, status, action, own, translate)]),
  );
  const explanations = [...new Set([...obstacles.values()].filter((text): text is string => text !== null))];

  return (
    <Card sx={{ p: 1.5 }}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
        {actions.map((action) => (
          <Button
            key={action}
            size="small"
            variant={action === 'approve' || action === 'verify' ? 'contained' : 'outlined'}
            color={actionColors[action] ?? 'inherit'}
            disabled={decision.isPending || obstacles.get(action) !== null}
            onClick={() => take(action)}
          >
            {translate(actionLabel(resource, status, action))}
          </Button>
        ))}
        <TextField
          size="small"
          label={translate('verity.decision.note')}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          sx={{ flex: '1 1 200px', maxWidth: 480, ml: 'auto' }}
        />
      </Stack>
      {explanations.map((text) => (
        <Typography
          key={text}
          variant="body2"
          color="text.secondary"
          role="note"
          sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mt: 1 }}
        >
          <InfoIcon sx={{ fontSize: '1rem' }} aria-hidden />
          {text}
        </Typography>
      ))}
      <ReasonPicker
        resource={resource}
        action={picking ?? 'reject'}
        open={picking !== null}
        onCancel={() => setPicking(null)}
        onConfirm={(reasonCode) => {
          decision.mutate({ action: picking!, reasonCode, note: note.trim() || null });
          setPicking(null);
        }}
      />
    </Card>
  );
};

import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  useCanAccess,
  useDataProvider,
  useListContext,
  useNotify,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import type { DecisionAction, ModeratedResource } from '../domain/transitions';
import type { BulkDecisionResult, VerityDataProvider } from '../providers/dataProvider';
import { ReasonPicker } from './ReasonPicker';

const outcomes: BulkDecisionResult['status'][] = ['ok', 'conflict', 'forbidden', 'invalid', 'not_found'];

/**
 * Approve or reject the selected rows in one request. Each row is decided on its own, so the
 * outcome is reported per row: "12 approved, 1 already decided by someone else".
 */
const BulkDecisionButtons = () => {
  const resource = useResourceContext() as ModeratedResource;
  const { selectedIds, onUnselectItems } = useListContext();
  const dataProvider = useDataProvider<VerityDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [picking, setPicking] = useState(false);

  const decision = useMutation({
    mutationFn: (request: { action: DecisionAction; reasonCode?: string }) =>
      dataProvider.decideMany(resource, { ids: selectedIds, ...request }),
    onSuccess: (results, { action }) => {
      const done = translate(`verity.decision.done.${action}`).toLowerCase();
      const counts = outcomes
        .map((outcome) => ({ outcome, count: results.filter((r) => r.status === outcome).length }))
        .filter(({ count }) => count > 0)
        .map(({ outcome, count }) =>
          translate(`verity.bulk.${outcome}`, { smart_count: count, action: done }),
        );
      const summary = counts.join(', ');
      // Already translated: the default keeps notify from looking the summary up as a key.
      notify(summary, {
        type: results.every((r) => r.status === 'ok') ? 'success' : 'warning',
        messageArgs: { _: summary },
      });
      onUnselectItems();
      // Also refetches the status tabs' counts.
      refresh();
    },
    onError: (error) => notify((error as Error).message, { type: 'error' }),
  });

  return (
    <>
      <Button
        color="success"
        disabled={decision.isPending}
        onClick={() => decision.mutate({ action: 'approve' })}
      >
        {translate('verity.decision.action.approve')}
      </Button>
      <Button color="error" disabled={decision.isPending} onClick={() => setPicking(true)}>
        {translate('verity.decision.action.reject')}
      </Button>
      <ReasonPicker
        resource={resource}
        open={picking}
        onCancel={() => setPicking(false)}
        onConfirm={(reasonCode) => {
          setPicking(false);
          decision.mutate({ action: 'reject', reasonCode });
        }}
      />
    </>
  );
};

/**
 * A moderated list's bulk actions: the decision buttons for a role that may decide, and no row
 * selection at all for one that may not.
 */
export const useBulkDecisions = (resource: Exclude<ModeratedResource, 'doctors'>) => {
  const { canAccess } = useCanAccess({ action: 'decide', resource });
  return canAccess ? <BulkDecisionButtons /> : false;
};

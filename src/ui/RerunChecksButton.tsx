import RefreshIcon from '@mui/icons-material/Refresh';
import { Button } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import { isChecked, type CheckedType } from '../domain/rules/registry';
import type { VerityDataProvider } from '../providers/dataProvider';

/**
 * Runs the record's rules again, for whoever may decide it: after a rule's threshold changed, or
 * when a near-duplicate or a same-address review arrived since the item was checked.
 */
export const RerunChecksButton = () => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const dataProvider = useDataProvider<VerityDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ action: 'decide', resource });
  const rerun = useMutation({
    mutationFn: (checked: CheckedType) => dataProvider.rerunChecks(checked, record!.id),
    onSuccess: (updated) => {
      notify('verity.rules.rerun_done', { type: 'info', messageArgs: { score: updated.riskScore } });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  if (!record || !canAccess || !resource || !isChecked(resource)) return null;
  return (
    <Button
      size="small"
      startIcon={<RefreshIcon fontSize="small" />}
      disabled={rerun.isPending}
      onClick={() => rerun.mutate(resource)}
      sx={{ py: 0 }}
    >
      {translate('verity.rules.rerun')}
    </Button>
  );
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCanAccess, useDataProvider, useNotify, useRefresh, type Identifier } from 'react-admin';
import type { VerityDataProvider } from '../../providers/dataProvider';

/**
 * The registry's word on a doctor beside the profile, and asking it again. Read again when the
 * doctor's version moves: an edited NPI or license is compared afresh. Asking again re-runs the
 * doctor's checks on the server, so the page's record (rule results, risk) is refreshed too.
 */
export function useRegistryComparison(doctorId: Identifier | undefined, version: number | undefined) {
  const dataProvider = useDataProvider<VerityDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess: mayAsk } = useCanAccess({ action: 'decide', resource: 'doctors' });
  const queryKey = ['doctors', 'registry', doctorId, version];

  const comparison = useQuery({
    queryKey,
    queryFn: () => dataProvider.registryComparison(doctorId!),
    enabled: doctorId !== undefined,
  });

  const askAgain = useMutation({
    mutationFn: () => dataProvider.askRegistryAgain(doctorId!),
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKey, answer);
      notify(
        answer.outcome === 'unreachable'
          ? 'resources.doctors.registry.asked_unreachable'
          : answer.failedAt !== null
            ? 'resources.doctors.registry.asked_failed'
            : 'resources.doctors.registry.asked',
        { type: answer.outcome === 'unreachable' || answer.failedAt !== null ? 'warning' : 'info' },
      );
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });

  return { comparison, askAgain, mayAsk: mayAsk === true };
}

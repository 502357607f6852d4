import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useUpdate } from 'react-admin';
import type { RuleRow, RuleSettingChange } from './ruleRow';
import { ruleRunsQueryKey } from './RuleRunStatus';

/**
 * Saves a rule's setting once the server accepts it (the server re-checks every item of the
 * type in the background, so the notice says so and the page asks at once how far that run is);
 * a refusal, such as a threshold out of range, is shown as the server words it.
 */
export function useSaveRule() {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [update, { isPending }] = useUpdate<RuleRow>();
  const save = (rule: RuleRow, change: RuleSettingChange, onSaved?: () => void) =>
    update(
      'rules',
      { id: rule.id, data: change, previousData: rule },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(`verity.rules.saved.${rule.type}`, { type: 'info', messageArgs: { id: rule.id } });
          void queryClient.invalidateQueries({ queryKey: ruleRunsQueryKey });
          onSaved?.();
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  return { save, saving: isPending };
}

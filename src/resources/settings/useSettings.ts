import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCanAccess, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { Setting, VerityDataProvider } from '../../providers/dataProvider';

const settingsKey = ['settings'];

/** A setting as the page and its notices name it ("Four-eyes verification of doctors"), else its key. */
export function useSettingName(): (key: string) => string {
  const translate = useTranslate();
  return (key) => translate(`verity.settings.names.${key}`, { _: key });
}

/**
 * The console's settings and saving one. Admins change them, seniors the sampling of quality
 * checks (the server says so too);
 * a save shows once the server has taken it, audited, with who changed it and when.
 */
export function useSettings() {
  const dataProvider = useDataProvider<VerityDataProvider>();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const nameOf = useSettingName();
  const { canAccess: mayChangeConsole } = useCanAccess({ action: 'edit', resource: 'settings' });
  const { canAccess: mayChangeSampling } = useCanAccess({ action: 'edit', resource: 'quality' });
  const mayChange = (setting: Setting) =>
    (setting.guard === 'quality' ? mayChangeSampling : mayChangeConsole) === true;
  const settings = useQuery({ queryKey: settingsKey, queryFn: () => dataProvider.settings() });
  const save = useMutation({
    mutationFn: ({ key, value }: { key: string; value: Setting['value'] }) =>
      dataProvider.saveSetting(key, value),
    onSuccess: (saved: Setting) => {
      queryClient.setQueryData<Setting[]>(settingsKey, (all) =>
        all?.map((setting) => (setting.key === saved.key ? saved : setting)),
      );
      const state = typeof saved.value === 'number' ? saved.unit : saved.value ? 'on' : 'off';
      notify(`verity.settings.saved.${state}`, {
        type: 'success',
        messageArgs: { name: nameOf(saved.key), value: saved.value },
      });
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
  });
  return { settings, save, mayChange };
}

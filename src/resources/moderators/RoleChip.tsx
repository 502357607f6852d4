import { useRecordContext, useTranslate } from 'react-admin';
import type { Moderator } from '../../domain/model';
import { ToneChip } from '../../ui/ToneChip';

/** A moderator's role; only an admin's stands out, since only admins can change who does what. */
export const RoleChip = () => {
  const moderator = useRecordContext<Moderator>();
  const translate = useTranslate();
  if (!moderator) return null;
  return (
    <ToneChip
      tone={moderator.role === 'admin' ? 'info' : 'neutral'}
      label={translate(`verity.roles.${moderator.role}`)}
    />
  );
};

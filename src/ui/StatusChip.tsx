import { useRecordContext, useTranslate } from 'react-admin';
import type { ModerationStatus, VerificationStatus } from '../domain/model';
import { ToneChip } from './ToneChip';
import type { Tone } from './tones';

const statusTones: Record<ModerationStatus | VerificationStatus, Tone> = {
  pending: 'warning',
  escalated: 'info',
  awaiting_confirmation: 'info',
  approved: 'success',
  verified: 'success',
  rejected: 'danger',
  suspended: 'danger',
  unverified: 'neutral',
};

/** The moderation status of the record in context; doctors pass `source="verificationStatus"`. */
export const StatusChip = ({ source = 'status' }: { source?: 'status' | 'verificationStatus' }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const status = record?.[source] as ModerationStatus | VerificationStatus | undefined;
  if (!status) return null;
  return <ToneChip tone={statusTones[status] ?? 'neutral'} label={translate(`verity.status.${status}`)} />;
};

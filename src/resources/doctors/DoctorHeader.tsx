import { Alert, Box, Typography } from '@mui/material';
import { ReferenceField, useGetIdentity, useRecordContext, useTranslate } from 'react-admin';
import { findReason } from '../../domain/reasons';
import type { Doctor } from '../../domain/model';
import { TimestampField } from '../../ui/Dates';
import { VerificationBadge } from '../../ui/VerificationBadge';

const inherit = { fontSize: 'inherit', color: 'inherit', fontWeight: 'inherit' } as const;

const Moderator = ({ source }: { source: 'decidedBy' | 'verifiedBy' }) => (
  <ReferenceField
    source={source}
    reference="moderators"
    link={false}
    emptyText="—"
    sx={{ '& .MuiTypography-root': inherit }}
  />
);

/**
 * While a verification waits for its second pair of eyes: who verified first and when, and, to
 * anyone else who may confirm, what confirming asks of them.
 */
const AwaitingSecondVerifier = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  if (doctor?.verificationStatus !== 'awaiting_confirmation') return null;
  const firstVerifier = identity !== undefined && doctor.decidedBy === identity.id;
  return (
    <Alert severity="info" variant="outlined" sx={{ mt: 1 }}>
      <Typography variant="body2" component="div">
        {translate('resources.doctors.standing.awaiting')} <Moderator source="decidedBy" />{' '}
        {translate('resources.doctors.standing.at')} <TimestampField source="decidedAt" sx={inherit} />.
      </Typography>
      {/* The first verifier reads why Confirm is off beside the button itself. */}
      {!firstVerifier && (
        <Typography variant="body2" component="div" color="text.secondary">
          {translate('resources.doctors.standing.confirm_hint')}
        </Typography>
      )}
    </Alert>
  );
};

/** One line on how the doctor got where they stand: verified by whom, suspended when and why. */
const StandingLine = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  if (!doctor) return null;
  const reason = doctor.reasonCode
    ? (findReason('doctors', doctor.reasonCode)?.label ?? doctor.reasonCode)
    : null;
  switch (doctor.verificationStatus) {
    case 'verified':
      return doctor.verifiedAt ? (
        <>
          {' · '}
          {translate('resources.doctors.standing.verified')} <Moderator source="verifiedBy" />{' '}
          {translate('resources.doctors.standing.at')} <TimestampField source="verifiedAt" sx={inherit} />
        </>
      ) : null;
    case 'suspended':
    case 'rejected':
      return doctor.decidedAt ? (
        <>
          {' · '}
          {translate(`resources.doctors.standing.${doctor.verificationStatus}`)}{' '}
          <TimestampField source="decidedAt" sx={inherit} />
          {reason && ` — ${reason}`}
        </>
      ) : null;
    default:
      return null;
  }
};

/** The doctor's name with a clear verification badge, and what their standing rests on. */
export const DoctorHeader = () => {
  const doctor = useRecordContext<Doctor>();
  if (!doctor) return null;
  return (
    <Box component="header">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h1" sx={{ fontSize: '1.35rem' }}>
          {doctor.name}, {doctor.credential}
        </Typography>
        <VerificationBadge />
      </Box>
      <Typography variant="body2" color="text.secondary" component="div" sx={{ mt: 0.25 }}>
        {doctor.specialty} · {doctor.practiceName}, {doctor.city}
        <StandingLine />
      </Typography>
      <AwaitingSecondVerifier />
    </Box>
  );
};

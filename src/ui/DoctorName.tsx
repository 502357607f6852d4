import VerifiedIcon from '@mui/icons-material/Verified';
import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Doctor } from '../domain/model';

/** "Jane Doe, MD" with the verified mark patients see on the site, for the doctor in context. */
export const DoctorName = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  if (!doctor) return null;
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, whiteSpace: 'nowrap' }}
    >
      {doctor.name}, {doctor.credential}
      {doctor.verificationStatus === 'verified' && (
        <VerifiedIcon
          titleAccess={translate('verity.verified_doctor')}
          color="primary"
          sx={{ fontSize: '1rem' }}
        />
      )}
    </Box>
  );
};

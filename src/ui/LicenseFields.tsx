import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Doctor } from '../domain/model';
import { CalendarDateField } from './Dates';
import { ToneChip } from './ToneChip';
import { toneColors } from './tones';

/** The state board's word on the licence; anything but active is a reason to stop and look. */
export const LicenseStatusField = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  if (!doctor) return null;
  const label = translate(`verity.licenseStatus.${doctor.licenseStatus}`);
  if (doctor.licenseStatus === 'active') return <span>{label}</span>;
  const tone =
    doctor.licenseStatus === 'probation' || doctor.licenseStatus === 'restricted' ? 'warning' : 'danger';
  return <ToneChip tone={tone} label={label} />;
};

/** The licence expiry date, marked when it has passed. */
export const LicenseExpiryField = () => {
  const doctor = useRecordContext<Doctor>();
  if (!doctor) return null;
  const expired = doctor.licenseExpiresOn < new Date().toISOString().slice(0, 10);
  return (
    <Box
      component="span"
      sx={(theme) =>
        expired ? { color: toneColors(theme.palette.mode, 'danger').color, fontWeight: 600 } : {}
      }
    >
      <CalendarDateField source="licenseExpiresOn" sx={{ color: 'inherit', fontWeight: 'inherit' }} />
    </Box>
  );
};

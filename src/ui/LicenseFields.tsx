import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { licenseExpiry } from '../domain/licenses';
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

/** How far ahead of its expiry a license is worth a verifier's look (DOC_LICENSE_EXPIRY's default). */
export const licenseWarnDays = 30;

/** Today as a calendar date, the day licenses are counted from (UTC, as the server counts). */
export const today = () => new Date().toISOString().slice(0, 10);

/** The calendar date `days` after today, for "expires by" filters. */
export const daysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The licence expiry date, marked when it has passed (red) or comes within the warning window
 * (amber, with the days left): a verified doctor there is about to drop out of good standing.
 */
export const LicenseExpiryField = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  if (!doctor) return null;
  const expiry = licenseExpiry(doctor.licenseExpiresOn, today(), licenseWarnDays);
  const tone = expiry.state === 'expired' ? 'danger' : expiry.state === 'expiring' ? 'warning' : null;
  return (
    <Box
      component="span"
      sx={(theme) => (tone ? { color: toneColors(theme.palette.mode, tone).color, fontWeight: 600 } : {})}
    >
      <CalendarDateField
        source="licenseExpiresOn"
        sx={{ color: 'inherit', fontWeight: 'inherit', whiteSpace: 'nowrap' }}
      />
      {expiry.state !== 'current' && (
        <Box
          component="span"
          sx={{ display: 'block', fontWeight: 400, fontSize: '0.75rem', whiteSpace: 'nowrap' }}
        >
          {expiry.state === 'expired'
            ? translate('verity.license_expiry.expired')
            : expiry.days === 0
              ? translate('verity.license_expiry.today')
              : translate('verity.license_expiry.in_days', { smart_count: expiry.days })}
        </Box>
      )}
    </Box>
  );
};

import BlockIcon from '@mui/icons-material/Block';
import HourglassIcon from '@mui/icons-material/HourglassTop';
import PendingIcon from '@mui/icons-material/PendingOutlined';
import CancelIcon from '@mui/icons-material/HighlightOff';
import UnverifiedIcon from '@mui/icons-material/HelpOutline';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Box, type SvgIconProps } from '@mui/material';
import type { ComponentType } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Doctor, VerificationStatus } from '../domain/model';
import { toneColors, type Tone } from './tones';

const looks: Record<VerificationStatus, { tone: Tone; icon: ComponentType<SvgIconProps> }> = {
  verified: { tone: 'success', icon: VerifiedIcon },
  awaiting_confirmation: { tone: 'info', icon: HourglassIcon },
  pending: { tone: 'warning', icon: PendingIcon },
  unverified: { tone: 'neutral', icon: UnverifiedIcon },
  rejected: { tone: 'danger', icon: CancelIcon },
  suspended: { tone: 'danger', icon: BlockIcon },
};

/**
 * Where the doctor in context stands with the site, worded as a verifier says it ("Awaiting second
 * verifier"), larger than a status chip: it sits beside the doctor's name at the top of the desk.
 */
export const VerificationBadge = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  if (!doctor) return null;
  const { tone, icon: Icon } = looks[doctor.verificationStatus] ?? looks.unverified;
  return (
    <Box
      component="span"
      role="status"
      sx={(theme) => ({
        ...toneColors(theme.palette.mode, tone),
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        px: 1,
        py: 0.25,
        border: '1px solid',
        borderRadius: 4,
        fontSize: '0.8rem',
        fontWeight: 600,
        whiteSpace: 'nowrap',
      })}
    >
      <Icon sx={{ fontSize: '1rem' }} aria-hidden />
      {translate(`verity.verification.${doctor.verificationStatus}`)}
    </Box>
  );
};

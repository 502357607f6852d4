import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { toneColors } from './tones';

/**
 * A yes/no signal in words (an unverified email, a missing consent form): "No" is what a
 * moderator must notice, so it is the one in colour.
 */
export const YesNoField = ({ source }: { source: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const value = record?.[source];
  if (typeof value !== 'boolean') return <span>—</span>;
  return (
    <Box
      component="span"
      sx={(theme) =>
        value ? {} : { color: toneColors(theme.palette.mode, 'danger').color, fontWeight: 600 }
      }
    >
      {translate(value ? 'ra.boolean.true' : 'ra.boolean.false')}
    </Box>
  );
};

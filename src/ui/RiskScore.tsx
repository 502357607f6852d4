import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { toneColors, type Tone } from './tones';

export const riskTone = (score: number): Tone =>
  score >= 80 ? 'danger' : score >= 50 ? 'warning' : 'neutral';

/** The 0-100 risk score; only the bands that need a second look are coloured. */
export const RiskScore = ({ source = 'riskScore' }: { source?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const score = record?.[source];
  if (typeof score !== 'number') return null;
  const tone = riskTone(score);
  return (
    <Box
      component="span"
      title={translate('verity.risk.label', { score })}
      sx={(theme) => ({
        display: 'inline-block',
        minWidth: 30,
        px: 0.5,
        borderRadius: 1,
        border: '1px solid',
        textAlign: 'center',
        fontSize: '0.8rem',
        fontWeight: tone === 'neutral' ? 400 : 600,
        fontVariantNumeric: 'tabular-nums',
        ...(tone === 'neutral'
          ? { color: theme.palette.text.secondary, borderColor: 'transparent' }
          : toneColors(theme.palette.mode, tone)),
      })}
    >
      {score}
    </Box>
  );
};

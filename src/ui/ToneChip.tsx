import { Chip } from '@mui/material';
import { toneColors, type Tone } from './tones';

/** A small outlined label whose colour says how much attention it deserves. */
export const ToneChip = ({ tone, label }: { tone: Tone; label: string }) => (
  <Chip
    label={label}
    variant="outlined"
    size="small"
    sx={(theme) => ({
      ...toneColors(theme.palette.mode, tone),
      height: 20,
      fontWeight: 500,
      fontSize: '0.75rem',
      '& .MuiChip-label': { px: 0.75 },
    })}
  />
);

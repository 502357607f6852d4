import type { PaletteMode } from '@mui/material';

/**
 * The few colours that carry meaning in Verity (a status, a risk band, a licence problem).
 * Each tone has its own text, tint and border per theme mode, chosen so small chip text keeps
 * at least 4.5:1 contrast on its tint in both themes; MUI's stock warning orange does not.
 */
export type Tone = 'neutral' | 'info' | 'warning' | 'success' | 'danger';

interface ToneColors {
  color: string;
  backgroundColor: string;
  borderColor: string;
}

const tones: Record<PaletteMode, Record<Tone, ToneColors>> = {
  light: {
    neutral: { color: '#475467', backgroundColor: '#f2f4f7', borderColor: '#d0d5dd' },
    info: { color: '#3538cd', backgroundColor: '#eef4ff', borderColor: '#c7d7fe' },
    warning: { color: '#93370d', backgroundColor: '#fffaeb', borderColor: '#fedf89' },
    success: { color: '#067647', backgroundColor: '#ecfdf3', borderColor: '#abefc6' },
    danger: { color: '#b42318', backgroundColor: '#fef3f2', borderColor: '#fecdca' },
  },
  dark: {
    neutral: { color: '#d0d5dd', backgroundColor: '#2a2f36', borderColor: '#475467' },
    info: { color: '#b2c7fd', backgroundColor: '#1f2a4d', borderColor: '#4449c7' },
    warning: { color: '#fec84b', backgroundColor: '#3a2a0c', borderColor: '#93370d' },
    success: { color: '#75e0a7', backgroundColor: '#0f2e22', borderColor: '#067647' },
    danger: { color: '#fda29b', backgroundColor: '#3b1613', borderColor: '#b42318' },
  },
};

export const toneColors = (mode: PaletteMode, tone: Tone): ToneColors => tones[mode][tone];

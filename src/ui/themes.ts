import type { CheckboxOwnerState, PaletteOptions, Theme } from '@mui/material';
import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * Moderators read these screens all day: a neutral palette, one accent, small paddings, and
 * colour kept for what means something (statuses and risk, see tones.ts).
 */

const fontFamily = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(',');

const createVerityTheme = (palette: PaletteOptions): RaThemeOptions => ({
  ...defaultTheme,
  palette,
  shape: { borderRadius: 6 },
  sidebar: { width: 208, closedWidth: 52 },
  typography: {
    fontFamily,
    fontSize: 13,
    h1: { fontSize: '1.5rem', fontWeight: 600 },
    h2: { fontSize: '1.3rem', fontWeight: 600 },
    h3: { fontSize: '1.15rem', fontWeight: 600 },
    h4: { fontSize: '1.05rem', fontWeight: 600 },
    h5: { fontSize: '1rem', fontWeight: 600 },
    h6: { fontSize: '0.95rem', fontWeight: 600 },
    button: { textTransform: 'none', fontWeight: 500 },
  },
  components: {
    ...defaultTheme.components,
    MuiAppBar: {
      defaultProps: { elevation: 0 },
      styleOverrides: {
        colorSecondary: ({ theme }: { theme: Theme }) => ({
          color: theme.palette.text.primary,
          backgroundColor: theme.palette.background.paper,
          borderBottom: `1px solid ${theme.palette.divider}`,
        }),
      },
    },
    MuiPaper: {
      defaultProps: { elevation: 0 },
      styleOverrides: {
        root: ({ theme }: { theme: Theme }) => ({
          backgroundImage: 'none',
          border: `1px solid ${theme.palette.divider}`,
        }),
      },
    },
    MuiButton: { defaultProps: { size: 'small' } },
    MuiIconButton: { defaultProps: { size: 'small' } },
    MuiChip: { defaultProps: { size: 'small' } },
    // react-admin's loading spinner (app bar) has no name of its own; screen readers need one.
    MuiCircularProgress: { defaultProps: { 'aria-label': 'Loading' } },
    MuiTable: { defaultProps: { size: 'small' } },
    // An aria-label given to a Checkbox (react-admin's row selection gives one) lands on MUI's
    // wrapper span, where it is a prohibited attribute and leaves the input itself unnamed: name
    // the input with it instead, keeping whatever inputProps the caller passed.
    MuiCheckbox: {
      defaultProps: {
        slotProps: {
          root: { 'aria-label': undefined },
          input: ({ inputProps, 'aria-label': label }: CheckboxOwnerState) => ({
            ...inputProps,
            ...(label && { 'aria-label': label }),
          }),
        },
      },
    },
    MuiTableCell: {
      styleOverrides: {
        root: { padding: '5px 8px' },
        head: ({ theme }: { theme: Theme }) => ({
          fontWeight: 600,
          color: theme.palette.text.secondary,
          whiteSpace: 'nowrap',
        }),
      },
    },
    MuiTextField: {
      ...defaultTheme.components?.MuiTextField,
      defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true },
    },
    MuiFormControl: {
      defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true },
    },
    MuiTab: {
      styleOverrides: {
        root: { minHeight: 40, padding: '6px 14px', textTransform: 'none', fontWeight: 500 },
      },
    },
    MuiTabs: { styleOverrides: { root: { minHeight: 40 } } },
    MuiLink: { defaultProps: { underline: 'hover' } },
    RaMenuItemLink: {
      styleOverrides: {
        root: ({ theme }: { theme: Theme }) => ({
          borderLeft: '3px solid transparent',
          '&.RaMenuItemLink-active': {
            borderLeftColor: theme.palette.primary.main,
            color: theme.palette.text.primary,
            fontWeight: 600,
            '& .MuiSvgIcon-root': { color: theme.palette.primary.main },
          },
        }),
      },
    },
  },
});

export const lightTheme = createVerityTheme({
  mode: 'light',
  primary: { main: '#2f5b87' },
  secondary: { main: '#475467' },
  // MUI's default info blue reads at 3.9:1 on white; escalation buttons need 4.5:1.
  info: { main: '#01579b' },
  background: { default: '#f5f6f8', paper: '#ffffff' },
  text: { primary: '#1d2530', secondary: '#546072' },
  divider: '#e1e4e9',
});

export const darkTheme = createVerityTheme({
  mode: 'dark',
  primary: { main: '#8ab4e0' },
  secondary: { main: '#a3abb7' },
  background: { default: '#121417', paper: '#1b1e23' },
  text: { primary: '#e6e8eb', secondary: '#a7afbb' },
  divider: '#2d323a',
});

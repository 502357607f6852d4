import { Box, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { TextField, useResourceContext, useTranslate, useTranslateLabel } from 'react-admin';

/** Label-value pairs in two tight columns: a description list, so screen readers pair them too. */
export const Facts = ({ children, sx }: { children: ReactNode; sx?: SxProps<Theme> }) => (
  <Box
    component="dl"
    sx={[
      {
        display: 'grid',
        gridTemplateColumns: 'max-content minmax(0, 1fr)',
        columnGap: 2,
        rowGap: 0.75,
        m: 0,
        alignItems: 'baseline',
        '& dt': { color: 'text.secondary', fontSize: '0.8rem', whiteSpace: 'nowrap' },
        '& dd': { m: 0, fontSize: '0.875rem', lineHeight: 1.5, overflowWrap: 'anywhere' },
        // Fields render their own Typography; inside a fact they take the fact's size.
        '& dd .MuiTypography-root': { fontSize: 'inherit', lineHeight: 'inherit' },
      },
      ...(Array.isArray(sx) ? sx : [sx]),
    ]}
  >
    {children}
  </Box>
);

interface FactProps {
  /** The field shown; its label comes from `resources.{resource}.fields.{source}`. */
  source?: string;
  /** A translation key for a label that is not a field of the record. */
  label?: string;
  /** How to show the value; by default the field as text. */
  children?: ReactNode;
}

export const Fact = ({ source, label, children }: FactProps) => {
  const resource = useResourceContext();
  const translate = useTranslate();
  const translateLabel = useTranslateLabel();
  const term = label ? translate(label) : translateLabel({ source, resource });
  return (
    <>
      <dt>{term}</dt>
      <dd>{children ?? (source ? <TextField source={source} emptyText="—" /> : null)}</dd>
    </>
  );
};

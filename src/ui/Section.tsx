import { Card, CardContent, Typography, type SxProps, type Theme } from '@mui/material';
import { useId, type ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** One titled card of a record's page; its heading names the region for screen readers. */
export const Section = ({
  title,
  titleArgs,
  children,
}: {
  /** A translation key. */
  title: string;
  titleArgs?: Record<string, unknown>;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  const headingId = useId();
  return (
    <Card component="section" aria-labelledby={headingId}>
      <CardContent sx={{ p: 2, '&:last-child': { pb: 2 } }}>
        <Typography
          id={headingId}
          variant="overline"
          component="h2"
          color="text.secondary"
          sx={{ display: 'block', lineHeight: 1.6, mb: 1, fontWeight: 600 }}
        >
          {translate(title, titleArgs)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/** A smaller heading inside a section. */
export const SubHeading = ({ title, sx }: { title: string; sx?: SxProps<Theme> }) => {
  const translate = useTranslate();
  return (
    <Typography
      variant="overline"
      component="h3"
      color="text.secondary"
      sx={[
        { display: 'block', lineHeight: 1.6, mt: 2, mb: 0.5, fontWeight: 600 },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    >
      {translate(title)}
    </Typography>
  );
};

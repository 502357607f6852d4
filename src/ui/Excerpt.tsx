import { Box, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/**
 * User-written text cut to a few lines, so a list row stays one glance tall; `lead` puts a
 * title in bold before it. Always rendered as text, never as markup.
 */
export const Excerpt = ({ source, lead, lines = 2 }: { source: string; lead?: string; lines?: number }) => {
  const record = useRecordContext();
  const text = record?.[source];
  const leadText = lead ? record?.[lead] : undefined;
  if (typeof text !== 'string') return null;
  return (
    <Typography
      variant="body2"
      component="div"
      sx={{
        display: '-webkit-box',
        WebkitLineClamp: lines,
        WebkitBoxOrient: 'vertical',
        overflow: 'hidden',
        minWidth: 240,
        maxWidth: 620,
        overflowWrap: 'anywhere',
      }}
    >
      {typeof leadText === 'string' && (
        <Box component="strong" sx={{ fontWeight: 600, mr: 0.75 }}>
          {leadText}
        </Box>
      )}
      {text}
    </Typography>
  );
};

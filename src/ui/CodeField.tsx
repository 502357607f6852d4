import { Box } from '@mui/material';
import { useFieldValue } from 'react-admin';

/**
 * An identifier a moderator compares character by character (NPI, IP, hash, reason code), in
 * monospace; long ones break anywhere rather than widen the page. `source` may be a path
 * ("before.sha256").
 */
export const CodeField = ({ source }: { source: string }) => {
  const value = useFieldValue({ source });
  if (value === null || value === undefined || value === '') return <span>—</span>;
  return (
    <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.92em', overflowWrap: 'break-word' }}>
      {String(value)}
    </Box>
  );
};

import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';

/** A patient's or doctor's own words in full, line breaks kept, as plain text. */
export const UserText = ({ source }: { source: string }) => {
  const record = useRecordContext();
  const text = record?.[source];
  if (typeof text !== 'string') return null;
  return (
    <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '75ch' }}>
      {text}
    </Typography>
  );
};

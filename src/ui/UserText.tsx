import { Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { HighlightedText, useFieldHighlights } from './HighlightedText';

/**
 * A patient's or doctor's own words in full, line breaks kept, as plain text, with what the
 * record's failed rules pointed at highlighted.
 */
export const UserText = ({ source }: { source: string }) => {
  const record = useRecordContext();
  const highlights = useFieldHighlights(source);
  const text = record?.[source];
  if (typeof text !== 'string') return null;
  return (
    <Typography variant="body1" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '75ch' }}>
      <HighlightedText text={text} highlights={highlights} />
    </Typography>
  );
};

import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const stars = [1, 2, 3, 4, 5];

/** A 1-5 star rating as stars for the eye and "4 out of 5 stars" for screen readers. */
export const RatingField = ({ source = 'rating' }: { source?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const rating = record?.[source];
  if (typeof rating !== 'number') return null;
  return (
    <Box
      component="span"
      role="img"
      aria-label={translate('verity.rating', { rating })}
      title={`${rating}/5`}
      sx={(theme) => ({
        display: 'inline-flex',
        verticalAlign: 'middle',
        whiteSpace: 'nowrap',
        color: theme.palette.mode === 'dark' ? '#f5c451' : '#b7791f',
        '& .MuiSvgIcon-root': { fontSize: '1rem' },
        '& .empty': { color: 'text.disabled' },
      })}
    >
      {stars.map((star) =>
        star <= rating ? <StarIcon key={star} /> : <StarBorderIcon key={star} className="empty" />,
      )}
    </Box>
  );
};

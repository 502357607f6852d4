import {
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useId } from 'react';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import type { Review } from '../domain/model';
import { asPercent } from './ruleDisplay';
import { wholeRecord } from './wholeRecord';
import { toneColors } from './tones';
import { wordDiff, type DiffPart } from './wordDiff';

const DiffText = ({ parts }: { parts: DiffPart[] }) => (
  <Typography variant="body2" component="div" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
    {parts.map((part, index) =>
      part.kind === 'same' ? (
        <span key={index}>{part.text}</span>
      ) : (
        <Box
          key={index}
          component={part.kind === 'removed' ? 'del' : 'ins'}
          sx={(theme) => ({
            ...toneColors(theme.palette.mode, 'info'),
            textDecoration: 'none',
            borderRadius: '2px',
          })}
        >
          {part.text}
        </Box>
      ),
    )}
  </Typography>
);

const Side = ({ heading, parts }: { heading: string; parts: DiffPart[] }) => {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ minWidth: 0 }}>
      <Typography id={headingId} variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {heading}
      </Typography>
      <DiffText parts={parts} />
    </Box>
  );
};

/**
 * This review beside the one it nearly duplicates, with the words that differ marked: a template
 * with a name or a date changed reads as such at a glance.
 */
export const NearDuplicateDialog = ({
  open,
  onClose,
  otherId,
  similarity,
  ruleId,
}: {
  open: boolean;
  onClose: () => void;
  otherId: number;
  similarity: number;
  ruleId: string;
}) => {
  const review = useRecordContext<Review>();
  const translate = useTranslate();
  const { data: other } = useGetOne<Review>('reviews', { id: otherId, ...wholeRecord }, { enabled: open });
  if (!review) return null;
  const diff = other ? wordDiff(review.body, other.body) : null;
  const title = translate('verity.rules.compare_title', { ruleId, percent: asPercent(similarity) });
  return (
    <Dialog open={open} onClose={onClose} maxWidth="lg" fullWidth aria-label={title}>
      <DialogTitle sx={{ pb: 0.5 }}>{title}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('verity.rules.compare_hint')}
        </Typography>
        {diff ? (
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 3 }}>
            <Side heading={translate('verity.rules.this_review', { id: review.id })} parts={diff.before} />
            <Side heading={translate('verity.rules.other_review', { id: otherId })} parts={diff.after} />
          </Box>
        ) : (
          <CircularProgress size={24} aria-label={translate('ra.page.loading')} />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};

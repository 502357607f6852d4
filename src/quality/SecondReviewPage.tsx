import { Alert, Box, Button, Card, CircularProgress, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import type { ReviewedAction } from '../domain/quality';
import type { Verdict, VerityDataProvider } from '../providers/dataProvider';
import { QueueItemContent } from '../queue/QueueItemContent';
import { ReasonPicker } from '../ui/ReasonPicker';
import { RuleResults } from '../ui/RuleResults';
import { Section } from '../ui/Section';

/**
 * Second reviews: an item someone else decided, drawn for a quality check, shown without its
 * status or its decision, to be decided again. Only after the verdict does the page say what the
 * first decision was.
 */
const SecondReviewPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<VerityDataProvider>();
  const [picking, setPicking] = useState(false);
  const [last, setLast] = useState<Verdict | null>(null);
  const next = useQuery({
    queryKey: ['quality', 'next'],
    queryFn: () => dataProvider.nextSecondReview(),
    refetchOnWindowFocus: false,
  });
  const review = next.data;
  const verdict = useMutation({
    mutationFn: ({ action, reasonCode }: { action: ReviewedAction; reasonCode: string | null }) =>
      dataProvider.giveVerdict(review!.checkId, action, reasonCode),
    onSuccess: (given) => {
      setLast(given);
      void next.refetch();
    },
    onError: (error: Error) => {
      notify(error.message, { type: 'error' });
      void next.refetch();
    },
  });
  const decide = (action: ReviewedAction, reasonCode: string | null = null) => {
    setPicking(false);
    verdict.mutate({ action, reasonCode });
  };
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="verity.quality.title" />
      {last && (
        <Alert severity={last.status === 'agreed' ? 'success' : 'warning'} sx={{ mb: 1.5 }}>
          {translate(`verity.quality.${last.status}`, {
            first: translate(`verity.decision.action.${last.firstAction}`),
          })}
        </Alert>
      )}
      {next.isPending ? (
        <CircularProgress size={24} aria-label={translate('ra.page.loading')} />
      ) : !review ? (
        <Card sx={{ p: 3 }}>
          <Typography variant="body1">{translate('verity.quality.empty')}</Typography>
          <Button sx={{ mt: 1 }} onClick={() => void next.refetch()}>
            {translate('verity.queue.check_again')}
          </Button>
        </Card>
      ) : (
        <>
          <QueueItemContent
            key={review.checkId}
            resource={review.resource}
            record={review.record as { id: number }}
            aside={
              <Box sx={{ flex: '0 0 340px', width: 340, ml: 2 }}>
                <Section title="verity.moderation.rules">
                  <RuleResults />
                </Section>
              </Box>
            }
            bar={
              <Card sx={{ p: 1.5, display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
                <Typography variant="subtitle2" component="h2" sx={{ mr: 1 }}>
                  {translate('verity.quality.item', {
                    item: translate(`resources.${review.resource}.name`, { smart_count: 1 }),
                    id: review.record.id as number,
                  })}
                </Typography>
                <Button
                  color="success"
                  variant="contained"
                  size="small"
                  disabled={verdict.isPending}
                  onClick={() => decide('approve')}
                >
                  {translate('verity.decision.action.approve')}
                </Button>
                <Button
                  color="error"
                  variant="outlined"
                  size="small"
                  disabled={verdict.isPending}
                  onClick={() => setPicking(true)}
                >
                  {translate('verity.decision.action.reject')}
                </Button>
                <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto' }}>
                  {translate('verity.quality.hint')}
                </Typography>
              </Card>
            }
          />
          <ReasonPicker
            resource={review.resource}
            open={picking}
            onConfirm={(reasonCode) => decide('reject', reasonCode)}
            onCancel={() => setPicking(false)}
          />
        </>
      )}
    </Box>
  );
};

export default SecondReviewPage;

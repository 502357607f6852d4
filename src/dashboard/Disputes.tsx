import { Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useDataProvider, useGetMany, useTranslate } from 'react-admin';
import type { VerityDataProvider } from '../providers/dataProvider';
import { Section } from '../ui/Section';

/**
 * The second reviews that disagreed with their first decision, for a senior to settle on the
 * item's own page (revert, decide again).
 */
export const Disputes = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<VerityDataProvider>();
  const { data } = useQuery({ queryKey: ['quality', 'disputes'], queryFn: () => dataProvider.disputes() });
  const ids = [...new Set((data ?? []).flatMap((d) => [d.firstActorId, d.reviewerId]))];
  const { data: moderators } = useGetMany('moderators', { ids });
  const name = (id: number) => (moderators?.find((m) => m.id === id)?.name as string | undefined) ?? `#${id}`;
  return (
    <Section title="verity.quality.disputes">
      {data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('verity.quality.no_disputes')}
        </Typography>
      )}
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {data?.map((dispute) => (
          <Box
            component="li"
            key={dispute.checkId}
            sx={{ display: 'flex', gap: 1, py: 0.5, alignItems: 'baseline' }}
          >
            <Link
              to={`/${dispute.resource}/${dispute.recordId}/show`}
              underline="hover"
              sx={{ fontWeight: 600 }}
            >
              {translate(`resources.${dispute.resource}.name`, { smart_count: 1 })} #{dispute.recordId}
            </Link>
            <Typography variant="body2" color="text.secondary">
              {translate('verity.quality.dispute_line', {
                first: translate(`verity.decision.action.${dispute.firstAction}`),
                firstActor: name(dispute.firstActorId),
                second: translate(`verity.decision.action.${dispute.reviewAction}`),
                reviewer: name(dispute.reviewerId),
              })}
            </Typography>
          </Box>
        ))}
      </Box>
    </Section>
  );
};

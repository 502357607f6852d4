import { Box, Typography } from '@mui/material';
import { Link, useGetMany, useTranslate } from 'react-admin';
import { type FailingRule, queueFilter } from '../domain/stats';
import { Section } from '../ui/Section';
import { listLink } from './links';
import { useStats } from './useStats';
import { formatCount } from '../domain/listQuery';

/** The rules the waiting items fail most, each opening the queue's list filtered to that rule. */
export const FailingRules = () => {
  const translate = useTranslate();
  const { data } = useStats<FailingRule[]>('rules');
  const { data: rules } = useGetMany('rules', { ids: data?.map((rule) => rule.ruleId) ?? [] });
  const description = (ruleId: string) => rules?.find((rule) => rule.id === ruleId)?.description as string;
  const most = Math.max(1, ...(data ?? []).map((rule) => rule.pending));
  return (
    <Section title="verity.dashboard.failing_rules">
      {data?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('verity.dashboard.no_failing_rules')}
        </Typography>
      )}
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
        {data?.map((rule) => (
          <Box component="li" key={`${rule.resource}/${rule.ruleId}`} sx={{ py: 0.5 }}>
            <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1 }}>
              <Link
                to={listLink(rule.resource, { ...queueFilter(rule.resource), ruleId: rule.ruleId })}
                underline="hover"
                sx={{ fontFamily: 'monospace', fontSize: '0.8rem', fontWeight: 600 }}
              >
                {rule.ruleId}
              </Link>
              <Typography variant="caption" color="text.secondary" noWrap sx={{ flex: 1, minWidth: 0 }}>
                {description(rule.ruleId)}
              </Typography>
              <Typography variant="body2" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
                {formatCount(rule.pending)}
              </Typography>
            </Box>
            <Box
              aria-hidden
              sx={{ height: 3, mt: 0.25, borderRadius: 1, bgcolor: 'primary.main', opacity: 0.5 }}
              style={{ width: `${(rule.pending / most) * 100}%` }}
            />
          </Box>
        ))}
      </Box>
    </Section>
  );
};

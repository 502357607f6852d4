import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { RuleResult, RuleSeverity } from '../domain/model';
import { ToneChip } from './ToneChip';
import type { Tone } from './tones';

const severityRank: Record<RuleSeverity, number> = { block: 0, high: 1, medium: 2, info: 3 };
const outcomeRank = { fail: 0, unknown: 1, pass: 2 } as const;

const outcomeTone = (result: RuleResult): Tone => {
  if (result.outcome === 'pass') return 'success';
  if (result.outcome === 'unknown') return 'neutral';
  return result.severity === 'block' || result.severity === 'high' ? 'danger' : 'warning';
};

/** What the authenticity rules (RULES.md) saw on this item, failures first and the gravest on top. */
export const RuleResults = ({ source = 'ruleResults' }: { source?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const results = (record?.[source] ?? []) as RuleResult[];
  if (results.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('verity.moderation.no_rules')}
      </Typography>
    );
  }
  const ordered = [...results].sort(
    (a, b) =>
      outcomeRank[a.outcome] - outcomeRank[b.outcome] || severityRank[a.severity] - severityRank[b.severity],
  );
  return (
    <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.75 }}>
      {ordered.map((result) => (
        <Box component="li" key={result.ruleId} sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
          <Box sx={{ flex: '0 0 auto', minWidth: 56 }}>
            <ToneChip
              tone={outcomeTone(result)}
              label={translate(`verity.moderation.outcome.${result.outcome}`)}
            />
          </Box>
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="body2" component="div">
              {result.message}
            </Typography>
            <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
              {result.ruleId} · {result.severity}
            </Typography>
          </Box>
        </Box>
      ))}
    </Box>
  );
};

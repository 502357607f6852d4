import { Box, Tooltip } from '@mui/material';
import { useRecordContext, type RaRecord } from 'react-admin';
import type { RuleSeverity } from '../domain/model';
import { findRule } from '../domain/rules/registry';
import { failedResults, ruleResultsOf, severityTone, shortRuleId } from './ruleDisplay';
import { ToneChip } from './ToneChip';

interface Failure {
  ruleId: string;
  severity: RuleSeverity;
  message: string | null;
}

/**
 * A list row carries its failed rules alone (`failedRules`); a whole record, its every result.
 * A failure kept before messages were kept reads the rule's description instead.
 */
const failuresOf = (record: RaRecord | undefined): Failure[] =>
  Array.isArray(record?.failedRules)
    ? failedResults(
        (record.failedRules as Failure[]).map((f) => ({
          ...f,
          outcome: 'fail' as const,
          message: f.message ?? findRule(f.ruleId)?.description ?? f.ruleId,
        })),
      )
    : failedResults(ruleResultsOf(record));

/**
 * The rules a row fails, gravest first, as short labels coloured by severity; the rule's message
 * on hover and for screen readers. A clean row shows nothing at all.
 */
export const FailedRuleChips = () => {
  const record = useRecordContext();
  const failures = failuresOf(record);
  if (failures.length === 0) return null;
  return (
    // Wide enough for two chips a line, so a row stays about as tall as its two-line excerpt.
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, width: 176 }}>
      {failures.map((result) => (
        <Tooltip key={result.ruleId} title={result.message} describeChild>
          <Box component="span" sx={{ display: 'inline-flex' }} data-rule={result.ruleId}>
            <ToneChip tone={severityTone[result.severity]} label={shortRuleId(result.ruleId)} />
          </Box>
        </Tooltip>
      ))}
    </Box>
  );
};

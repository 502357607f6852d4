import { Box, Tooltip } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { failedResults, ruleResultsOf, severityTone, shortRuleId } from './ruleDisplay';
import { ToneChip } from './ToneChip';

/**
 * The rules a row fails, gravest first, as short labels coloured by severity; the rule's message
 * on hover and for screen readers. A clean row shows nothing at all.
 */
export const FailedRuleChips = () => {
  const record = useRecordContext();
  const failures = failedResults(ruleResultsOf(record));
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

import { Box, LinearProgress, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import type { CheckedType } from '../../domain/rules/registry';
import type { RuleRun, VerityDataProvider } from '../../providers/dataProvider';

/** The query useSaveRule wakes up, so the status appears as soon as a change starts a re-run. */
export const ruleRunsQueryKey = ['rules', 'runs'] as const;

const pollMs = 2000;
const isUnfinished = (run: RuleRun) => run.phase !== 'done';
const count = new Intl.NumberFormat('en-US');

/**
 * Refreshes the rules' "fired in 30 days" counts whenever a run finishes that had not finished
 * when the page last looked: while a type is re-checked, its counts are those of the old setting.
 */
function useRefreshListOnFinish(runs: RuleRun[] | undefined) {
  const queryClient = useQueryClient();
  const seen = useRef<Map<CheckedType, string | null> | null>(null);
  useEffect(() => {
    if (!runs) return;
    const finishedSince =
      seen.current !== null &&
      runs.some((run) => run.finishedAt !== null && run.finishedAt !== seen.current!.get(run.type));
    seen.current = new Map(runs.map((run) => [run.type, run.finishedAt]));
    if (finishedSince) void queryClient.invalidateQueries({ queryKey: ['rules', 'getList'] });
  }, [runs, queryClient]);
}

const RunLine = ({ run }: { run: RuleRun }) => {
  const translate = useTranslate();
  const textId = useId();
  const percent = run.total > 0 ? Math.floor((run.done / run.total) * 100) : 0;
  return (
    <Box sx={{ display: 'grid', gap: 0.5 }}>
      <Typography id={textId} variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }}>
        {run.phase === 'index'
          ? translate('verity.rules.run.index')
          : translate(`verity.rules.run.check.${run.type}`, {
              percent,
              done: count.format(run.done),
              total: count.format(run.total),
            })}
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-labelledby={textId}
        sx={{ height: 3, borderRadius: 1 }}
      />
    </Box>
  );
};

/**
 * How far the re-checks an admin's change started have come, one line per content type still
 * being checked; nothing once every run is done. Asks again every couple of seconds only while a
 * run is unfinished. The live region stays in place, empty, so each new line is announced.
 */
export const RuleRunStatus = () => {
  const dataProvider = useDataProvider<VerityDataProvider>();
  const { data: runs } = useQuery({
    queryKey: ruleRunsQueryKey,
    queryFn: () => dataProvider.ruleRuns(),
    refetchInterval: (query) => (query.state.data?.some(isUnfinished) ? pollMs : false),
  });
  useRefreshListOnFinish(runs);
  const unfinished = runs?.filter(isUnfinished) ?? [];
  return (
    <Box role="status" aria-live="polite">
      {unfinished.length > 0 && (
        <Box sx={{ display: 'grid', gap: 1, px: 2, py: 1.5, borderBottom: 1, borderColor: 'divider' }}>
          {unfinished.map((run) => (
            <RunLine key={run.type} run={run} />
          ))}
        </Box>
      )}
    </Box>
  );
};

import { Box, Button, Collapse, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CheckedResult } from '../domain/rules/engine';
import { failedResults, ruleResultsOf, severityTone } from './ruleDisplay';
import { RuleEvidence } from './RuleEvidence';
import { useRuleFocus } from './RuleFocus';
import { ToneChip } from './ToneChip';

const RuleId = ({ ruleId }: { ruleId: string }) => (
  <Typography variant="caption" component="span" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
    {ruleId}
  </Typography>
);

/** One failure: how grave, what the rule says, and what it saw; marked while its words are emphasised in the text. */
const FailedRule = ({ result }: { result: CheckedResult }) => {
  const translate = useTranslate();
  const isFocused = useRuleFocus().focused === result.ruleId;
  return (
    <Box
      component="li"
      aria-current={isFocused || undefined}
      sx={{
        display: 'grid',
        gap: 0.5,
        pl: 1,
        borderLeft: '3px solid',
        borderColor: isFocused ? 'text.primary' : 'divider',
      }}
    >
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <ToneChip
          tone={severityTone[result.severity]}
          label={translate(`verity.rules.severity.${result.severity}`)}
        />
        <RuleId ruleId={result.ruleId} />
      </Box>
      <Typography variant="body2" component="div">
        {result.message}
      </Typography>
      <RuleEvidence result={result} />
    </Box>
  );
};

/** The passed and not-judged checks: one quiet line, opened only when asked. */
const OtherResults = ({ results }: { results: CheckedResult[] }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (results.length === 0) return null;
  const passed = results.filter((r) => r.outcome === 'pass').length;
  const unjudged = results.length - passed;
  const summary = [
    passed > 0 && translate('verity.rules.passed', { smart_count: passed }),
    unjudged > 0 && translate('verity.rules.not_judged', { smart_count: unjudged }),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Box>
      <Button
        size="small"
        color="inherit"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        sx={{ color: 'text.secondary', px: 0.5, minWidth: 0, textTransform: 'none', fontWeight: 400 }}
      >
        {summary}
      </Button>
      <Collapse in={open} id={listId}>
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, pl: 0.5, display: 'grid', gap: 0.5 }}>
          {results.map((result) => (
            <Box component="li" key={result.ruleId}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline' }}>
                <RuleId ruleId={result.ruleId} />
                {result.outcome === 'unknown' && (
                  <Typography variant="caption" color="text.secondary">
                    {translate('verity.moderation.outcome.unknown')}
                  </Typography>
                )}
              </Box>
              <Typography variant="body2" color="text.secondary">
                {result.message}
              </Typography>
            </Box>
          ))}
        </Box>
      </Collapse>
    </Box>
  );
};

/**
 * What the authenticity rules (RULES.md) saw on this item: each failure, gravest first, with its
 * evidence; the checks that passed or could not judge fold into one line below.
 */
export const RuleResults = ({ source = 'ruleResults' }: { source?: string }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const results = ruleResultsOf(record, source);
  if (results.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('verity.moderation.no_rules')}
      </Typography>
    );
  }
  const failures = failedResults(results);
  const others = results
    .filter((result) => result.outcome !== 'fail')
    .sort((a, b) => (a.outcome === b.outcome ? 0 : a.outcome === 'unknown' ? -1 : 1));
  return (
    <Box sx={{ display: 'grid', gap: 1.25 }}>
      {failures.length > 0 ? (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
          {failures.map((result) => (
            <FailedRule key={result.ruleId} result={result} />
          ))}
        </Box>
      ) : (
        <Typography variant="body2">{translate('verity.rules.none_failed')}</Typography>
      )}
      <OtherResults results={others} />
    </Box>
  );
};

import HelpOutlineIcon from '@mui/icons-material/HelpOutline';
import { Box, Button, Popover, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { riskBreakdown } from '../domain/rules/riskScore';
import { ruleResultsOf, severityTone } from './ruleDisplay';
import { ToneChip } from './ToneChip';

/**
 * "Why is this first?": the risk score taken apart, rule by rule, with the same function that
 * computed it, so what the moderator reads is what ordered the queue.
 */
export const RiskExplanation = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const headingId = useId();
  const breakdown = riskBreakdown(ruleResultsOf(record));
  if (breakdown.parts.length === 0) return null;
  return (
    <>
      <Button
        size="small"
        color="inherit"
        startIcon={<HelpOutlineIcon fontSize="small" />}
        aria-haspopup="dialog"
        onClick={(event) => setAnchor(event.currentTarget)}
        sx={{ color: 'text.secondary', textTransform: 'none', fontWeight: 400, py: 0 }}
      >
        {translate('verity.risk.why')}
      </Button>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { role: 'dialog', 'aria-labelledby': headingId, sx: { p: 2, maxWidth: 380 } } }}
      >
        <Typography id={headingId} variant="subtitle2" component="h2" sx={{ mb: 1 }}>
          {translate('verity.risk.label', { score: breakdown.score })}
        </Typography>
        <Box
          component="table"
          sx={{
            borderCollapse: 'collapse',
            width: '100%',
            fontSize: '0.8rem',
            '& th, & td': { py: 0.4, pr: 1, textAlign: 'left', verticalAlign: 'baseline' },
            '& th': { fontWeight: 500, color: 'text.secondary' },
            '& td.points': { textAlign: 'right', pr: 0, fontVariantNumeric: 'tabular-nums' },
            '& tfoot td': { borderTop: 1, borderColor: 'divider', fontWeight: 600 },
          }}
        >
          <thead>
            <tr>
              <th scope="col">{translate('verity.risk.rule')}</th>
              <th scope="col">{translate('verity.risk.why_points')}</th>
              <th scope="col" className="points">
                {translate('verity.risk.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {breakdown.parts.map((part) => (
              <tr key={part.ruleId}>
                <td>
                  <Box component="span" sx={{ fontFamily: 'monospace' }}>
                    {part.ruleId}
                  </Box>
                </td>
                <td>
                  <ToneChip
                    tone={severityTone[part.severity]}
                    label={translate(`verity.rules.severity.${part.severity}`)}
                  />{' '}
                  {translate(
                    part.sets ? `verity.risk.sets.${part.severity}` : `verity.risk.adds.${part.severity}`,
                  )}
                </td>
                <td className="points">{part.sets ? part.points : `+${part.points}`}</td>
              </tr>
            ))}
            {breakdown.capped > 0 && (
              <tr>
                <td colSpan={2}>{translate('verity.risk.capped')}</td>
                <td className="points">−{breakdown.capped}</td>
              </tr>
            )}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={2}>{translate('verity.risk.total')}</td>
              <td className="points">{breakdown.score}</td>
            </tr>
          </tfoot>
        </Box>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5 }}>
          {translate('verity.risk.rule_text')}
        </Typography>
      </Popover>
    </>
  );
};

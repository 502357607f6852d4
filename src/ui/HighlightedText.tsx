import { Box } from '@mui/material';
import { Fragment } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { failedResults, ruleResultsOf } from './ruleDisplay';
import { useRuleFocus } from './RuleFocus';
import { toneColors } from './tones';

/** A part of a text that a rule pointed at, with the rule that did. */
export interface Highlight {
  start: number;
  end: number;
  /** The text the rule saw there. */
  text: string;
  ruleId: string;
  message: string;
}

interface Segment {
  text: string;
  /** The highlights covering the segment; none for plain text. */
  by: Highlight[];
}

/**
 * Cuts a text at every highlight's edges, so overlapping spans of two rules still read as one
 * text. A span whose offsets no longer fit the text (it changed since the checks ran) is skipped.
 */
export function segmentText(text: string, highlights: readonly Highlight[]): Segment[] {
  const valid = highlights.filter((h) => h.start < h.end && text.slice(h.start, h.end) === h.text);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((h) => [h.start, h.end])])].sort(
    (a, b) => a - b,
  );
  const segments: Segment[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [from, to] = [cuts[k], cuts[k + 1]];
    segments.push({ text: text.slice(from, to), by: valid.filter((h) => h.start <= from && h.end >= to) });
  }
  return segments;
}

/**
 * A text with the parts the rules pointed at marked. The marks keep the text's own colour
 * contrast in both themes, say on hover which rule marked them, and tell screen readers where a
 * highlight starts and ends; the focused rule's marks are outlined.
 */
export const HighlightedText = ({ text, highlights }: { text: string; highlights: readonly Highlight[] }) => {
  const translate = useTranslate();
  const { focused } = useRuleFocus();
  const hidden = (label: string) => ({
    content: `"${label.replace(/"/g, '')}"`,
    position: 'absolute',
    clipPath: 'inset(100%)',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  });
  return (
    <>
      {segmentText(text, highlights).map((segment, index) =>
        segment.by.length === 0 ? (
          <Fragment key={index}>{segment.text}</Fragment>
        ) : (
          <Box
            component="mark"
            key={index}
            data-rules={segment.by.map((h) => h.ruleId).join(' ')}
            title={segment.by.map((h) => h.message).join('\n')}
            aria-current={segment.by.some((h) => h.ruleId === focused) || undefined}
            sx={(theme) => {
              const tone = toneColors(theme.palette.mode, 'warning');
              return {
                color: 'inherit',
                backgroundColor: tone.backgroundColor,
                borderBottom: `2px solid ${tone.borderColor}`,
                borderRadius: '2px',
                px: '1px',
                '&[aria-current]': { outline: `2px solid ${tone.color}`, outlineOffset: '1px' },
                '&::before': hidden(` ${translate('verity.rules.highlight_start')} `),
                '&::after': hidden(` ${translate('verity.rules.highlight_end')} `),
              };
            }}
          >
            {segment.text}
          </Box>
        ),
      )}
    </>
  );
};

/** The highlights the record's failed rules put on one of its text fields. */
export const useFieldHighlights = (source: string): Highlight[] => {
  const record = useRecordContext();
  return failedResults(ruleResultsOf(record)).flatMap((result) =>
    (result.evidence?.spans ?? [])
      .filter((span) => span.field === source)
      .map((span) => ({ ...span, ruleId: result.ruleId, message: result.message })),
  );
};

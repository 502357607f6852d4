import { Box, Button, Link as MuiLink, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, useCreatePath, useResourceContext, useTranslate } from 'react-admin';
import type { CheckedResult, RelatedItem } from '../domain/rules/engine';
import { NearDuplicateDialog } from './NearDuplicateDialog';
import { asPercent } from './ruleDisplay';
import { useRuleFocus } from './RuleFocus';

/** The quoted words a rule pointed at; each brings its highlight in the text into view. */
const Spans = ({ result }: { result: CheckedResult }) => {
  const translate = useTranslate();
  const { focus } = useRuleFocus();
  const spans = result.evidence?.spans ?? [];
  if (spans.length === 0) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, alignItems: 'baseline' }}>
      {spans.map((span, index) => (
        <MuiLink
          key={index}
          component="button"
          type="button"
          variant="body2"
          title={translate('verity.rules.show_in_text')}
          onClick={() => focus(result.ruleId)}
          sx={{ textAlign: 'left', fontStyle: 'italic' }}
        >
          “{span.text}”
        </MuiLink>
      ))}
    </Box>
  );
};

const RelatedRow = ({ item, result }: { item: RelatedItem; result: CheckedResult }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const resource = useResourceContext();
  const [comparing, setComparing] = useState(false);
  const name = translate(`resources.${item.resource}.name`, { smart_count: 1 });
  // Word by word only compares a review with a review, and not from a snapshot in the audit log.
  const comparable = item.similarity !== undefined && item.resource === 'reviews' && resource === 'reviews';
  return (
    <Box component="li" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1, alignItems: 'baseline' }}>
      <Link to={createPath({ resource: item.resource, id: item.id, type: 'show' })} variant="body2">
        {name} #{item.id}
      </Link>
      {item.image && (
        <Typography variant="body2" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {translate('verity.rules.bits_apart', { smart_count: item.image.distance })}
        </Typography>
      )}
      {item.similarity !== undefined && (
        <Typography variant="body2" component="span" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {translate('verity.rules.similar', { percent: asPercent(item.similarity) })}
        </Typography>
      )}
      {item.note && (
        <Typography variant="body2" component="span" color="text.secondary">
          {item.note}
        </Typography>
      )}
      {comparable && (
        <>
          <Button size="small" onClick={() => setComparing(true)} sx={{ minWidth: 0, py: 0, ml: 'auto' }}>
            {translate('verity.rules.compare')}
          </Button>
          <NearDuplicateDialog
            open={comparing}
            onClose={() => setComparing(false)}
            otherId={item.id}
            similarity={item.similarity!}
            ruleId={result.ruleId}
          />
        </>
      )}
    </Box>
  );
};

/** How many related records a failed rule lists before "Show all". */
const relatedShown = 5;

/** What made a rule fail: the words it pointed at, the records it relates this one to, the numbers it compared. */
export const RuleEvidence = ({ result }: { result: CheckedResult }) => {
  const translate = useTranslate();
  const [all, setAll] = useState(false);
  const related = result.evidence?.related ?? [];
  const facts = result.evidence?.facts ?? [];
  // An image reused across many pairs relates dozens of records: the first few say what the rule
  // found, the rest are one click away.
  const shown = all ? related : related.slice(0, relatedShown);
  return (
    <>
      <Spans result={result} />
      {related.length > 0 && (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.25 }}>
          {shown.map((item) => (
            <RelatedRow
              key={`${item.resource}-${item.id}-${item.image?.side ?? ''}-${item.image?.otherSide ?? ''}`}
              item={item}
              result={result}
            />
          ))}
        </Box>
      )}
      {related.length > relatedShown && (
        <Button
          size="small"
          onClick={() => setAll(!all)}
          sx={{ justifySelf: 'start', minWidth: 0, py: 0, px: 0.5 }}
        >
          {all
            ? translate('verity.rules.related_fewer')
            : translate('verity.rules.related_all', { smart_count: related.length })}
        </Button>
      )}
      {facts.length > 0 && (
        <Box
          component="dl"
          sx={{
            m: 0,
            display: 'grid',
            gridTemplateColumns: 'max-content minmax(0, 1fr)',
            columnGap: 1,
            fontSize: '0.8rem',
            '& dt': { color: 'text.secondary' },
            '& dt::after': { content: '":"' },
            '& dd': { m: 0, fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' },
          }}
        >
          {facts.map((fact) => (
            <Box key={fact.label} sx={{ display: 'contents' }}>
              <dt>{fact.label}</dt>
              <dd>{fact.value}</dd>
            </Box>
          ))}
        </Box>
      )}
    </>
  );
};

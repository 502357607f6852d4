import { Box, Card, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link, useTranslate } from 'react-admin';
import { decisiveActions, type HandlingFigures, queueFilter, type QueueFigures } from '../domain/stats';
import { decisionsLink, listLink, spanText } from './links';
import { formatCount } from '../domain/listQuery';

const hourMs = 3_600_000;

/** A figure that opens the list it counts. */
const Figure = ({ to, label, children }: { to: string; label: string; children: ReactNode }) => (
  <Link
    to={to}
    aria-label={label}
    underline="hover"
    color="inherit"
    sx={{ fontVariantNumeric: 'tabular-nums' }}
  >
    {children}
  </Link>
);

const Line = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, py: 0.25 }}>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
    <Typography variant="body2" component="div" sx={{ fontWeight: 500, textAlign: 'right' }}>
      {children}
    </Typography>
  </Box>
);

/**
 * One content type's queue at a glance: how many items wait, how long the oldest has, against
 * the type's target (over target shows in red), and what the team decided today and this week.
 */
export const QueueCard = ({
  figures,
  handling,
  today,
  weekStart,
  handlingFrom,
  now,
}: {
  figures: QueueFigures;
  handling: HandlingFigures | undefined;
  today: string;
  weekStart: string;
  handlingFrom: string;
  now: number;
}) => {
  const translate = useTranslate();
  const { resource } = figures;
  const typeName = translate(`verity.dashboard.types.${resource}`);
  const waiting = queueFilter(resource);
  const overTarget = figures.overTarget > 0;
  const oldestAge = figures.oldestPendingAt ? now - Date.parse(figures.oldestPendingAt) : null;
  const actions = decisiveActions(resource);
  const handlingText =
    handling && handling.medianMs !== null && handling.p90Ms !== null
      ? translate('verity.dashboard.handling_figures', {
          median: spanText(handling.medianMs),
          p90: spanText(handling.p90Ms),
        })
      : null;
  return (
    <Card
      component="section"
      aria-label={typeName}
      sx={{ height: '100%', borderTop: 3, borderColor: overTarget ? 'error.main' : 'divider' }}
    >
      <CardContent sx={{ p: 2, '&:last-child': { pb: 1.5 } }}>
        <Typography
          variant="overline"
          component="h2"
          color="text.secondary"
          sx={{ fontWeight: 600, lineHeight: 1.6 }}
        >
          {typeName}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, mb: 1 }}>
          <Typography variant="h4" component="p" sx={{ fontWeight: 600, lineHeight: 1.1 }}>
            <Figure
              to={listLink(resource, waiting)}
              label={`${typeName}: ${translate('verity.dashboard.pending')} ${figures.pending}`}
            >
              {formatCount(figures.pending)}
            </Figure>
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('verity.dashboard.pending')}
          </Typography>
        </Box>
        <Line label={translate('verity.dashboard.oldest')}>
          {oldestAge === null ? (
            translate('verity.dashboard.empty_queue')
          ) : (
            <Figure
              to={listLink(resource, waiting, { field: 'createdAt', order: 'ASC' })}
              label={`${typeName}: ${translate('verity.dashboard.oldest')} ${spanText(oldestAge)}`}
            >
              <Box
                component="span"
                sx={{ color: oldestAge > figures.targetHours * hourMs ? 'error.main' : undefined }}
              >
                {spanText(oldestAge)}
              </Box>
            </Figure>
          )}
          <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 0.75 }}>
            {translate('verity.dashboard.target', { hours: figures.targetHours })}
          </Typography>
        </Line>
        <Line label={translate('verity.dashboard.over_target')}>
          <Figure
            to={listLink(
              resource,
              { ...waiting, createdAt_lte: figures.overTargetBefore },
              { field: 'createdAt', order: 'ASC' },
            )}
            label={`${typeName}: ${translate('verity.dashboard.over_target')} ${figures.overTarget}`}
          >
            <Box component="span" sx={overTarget ? { color: 'error.main', fontWeight: 700 } : undefined}>
              {formatCount(figures.overTarget)}
            </Box>
          </Figure>
        </Line>
        {resource !== 'doctors' && (
          <Line label={translate('verity.dashboard.escalated')}>
            <Figure
              to={listLink(resource, { status: 'escalated' })}
              label={`${typeName}: ${translate('verity.dashboard.escalated')} ${figures.escalated}`}
            >
              {figures.escalated}
            </Figure>
          </Line>
        )}
        <Line label={translate('verity.dashboard.decided_today')}>
          <Figure
            to={decisionsLink(resource, actions, today)}
            label={`${typeName}: ${translate('verity.dashboard.decided_today')} ${figures.decidedToday}`}
          >
            {figures.decidedToday}
          </Figure>
        </Line>
        <Line label={translate('verity.dashboard.decided_week')}>
          <Figure
            to={decisionsLink(resource, actions, weekStart)}
            label={`${typeName}: ${translate('verity.dashboard.decided_week')} ${figures.decidedThisWeek}`}
          >
            {figures.decidedThisWeek}
          </Figure>
        </Line>
        <Line label={translate('verity.dashboard.handling')}>
          {handlingText ? (
            <Figure
              to={decisionsLink(resource, actions, handlingFrom)}
              label={`${typeName}: ${translate('verity.dashboard.handling')} ${handlingText}`}
            >
              {handlingText}
            </Figure>
          ) : (
            <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
              {translate('verity.dashboard.no_handling')}
            </Box>
          )}
        </Line>
      </CardContent>
    </Card>
  );
};

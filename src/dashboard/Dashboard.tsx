import { Box, Grid, Skeleton } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useGetIdentity } from 'react-admin';
import type { Role } from '../domain/model';
import { type HandlingReport, type QueuesReport, seesWholeTeam } from '../domain/stats';
import { Disputes } from './Disputes';
import { FailingRules } from './FailingRules';
import { ModeratorFigures } from './ModeratorFigures';
import { QueueCard } from './QueueCard';
import { TransparencyCard } from './TransparencyCard';
import { useStats } from './useStats';

// The chart library is the largest part of the page: it loads after the cards are on screen.
const DashboardCharts = lazy(() => import('./DashboardCharts'));

/**
 * The console's home page: whether the queues are under control (a card per type), how the
 * last 30 days went (charts), what the waiting items fail, how each moderator is doing, and the
 * transparency report. Every figure opens the list of what it counts.
 */
const Dashboard = () => {
  const { data: queues } = useStats<QueuesReport>('queues');
  const { data: handling } = useStats<HandlingReport>('handling');
  const { identity } = useGetIdentity();
  const role = identity?.role as Role | undefined;
  return (
    <Box sx={{ mt: 2, mb: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Title title="verity.dashboard.title" />
      <Grid container spacing={2}>
        {queues
          ? queues.queues.map((figures) => (
              <Grid key={figures.resource} size={{ xs: 12, sm: 6, lg: 3 }}>
                <QueueCard
                  figures={figures}
                  handling={handling?.types.find((h) => h.resource === figures.resource)}
                  today={queues.today}
                  weekStart={queues.weekStart}
                  handlingFrom={handling?.from ?? queues.today}
                  now={Date.parse(queues.asOf)}
                />
              </Grid>
            ))
          : [0, 1, 2, 3].map((i) => (
              <Grid key={i} size={{ xs: 12, sm: 6, lg: 3 }}>
                <Skeleton variant="rounded" height={236} />
              </Grid>
            ))}
      </Grid>
      <Suspense fallback={<Skeleton variant="rounded" height={300} />}>
        <DashboardCharts />
      </Suspense>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 5 }}>
          <FailingRules />
        </Grid>
        <Grid size={{ xs: 12, lg: 7 }} sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
          {role && <ModeratorFigures team={seesWholeTeam(role)} />}
          {role && seesWholeTeam(role) && <Disputes />}
        </Grid>
      </Grid>
      {queues && <TransparencyCard today={queues.today} />}
    </Box>
  );
};

export default Dashboard;

import {
  Card,
  CardContent,
  Grid,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
  useTheme,
} from '@mui/material';
import { purple } from '@mui/material/colors';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useId, useState, type ReactNode } from 'react';
import { useNavigate, useTranslate } from 'react-admin';
import type { DecisionsReport, QueueDepthReport } from '../domain/stats';
import { type ModeratedResource, moderatedResources } from '../domain/transitions';
import { decisionsLink } from './links';
import { useStats } from './useStats';

/**
 * The dashboard's two charts, in a chunk of their own (the chart library is large): how deep
 * each queue was at the end of each of the last 30 days, and each day's decisions by outcome
 * for one type. A day's bar opens the audit entries it counts.
 */

const chartHeight = 230;

/** 2026-11-01 as "Nov 1": the days are UTC days, so they are read in UTC. */
const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });

/** What both charts share: their size and frame, the days along the bottom, the counts up the side. */
const dayChart = (days: string[], scaleType: 'point' | 'band') => ({
  height: chartHeight,
  margin: { left: 0, right: 8, top: 8, bottom: 0 },
  xAxis: [{ data: days, scaleType, valueFormatter: dayLabel, tickLabelStyle: { fontSize: 11 } }],
  yAxis: [{ tickLabelStyle: { fontSize: 11 }, width: 44 }],
});

const ChartCard = ({
  title,
  action,
  children,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) => {
  const headingId = useId();
  return (
    <Card component="section" aria-labelledby={headingId} sx={{ height: '100%' }}>
      <CardContent sx={{ p: 2, '&:last-child': { pb: 1 } }}>
        <Typography
          id={headingId}
          variant="overline"
          component="h2"
          color="text.secondary"
          sx={{
            display: 'flex',
            alignItems: 'center',
            gap: 1,
            fontWeight: 600,
            lineHeight: 1.6,
            minHeight: 32,
          }}
        >
          <span style={{ flex: 1 }}>{title}</span>
          {action}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

const useTypeColors = (): Record<ModeratedResource, string> => {
  const { palette } = useTheme();
  return {
    answers: purple[400],
    reviews: palette.primary.main,
    photos: palette.warning.main,
    doctors: palette.success.main,
  };
};

const QueueDepthChart = () => {
  const translate = useTranslate();
  const colors = useTypeColors();
  const { data } = useStats<QueueDepthReport>('queue-depth');
  return (
    <ChartCard title={translate('verity.dashboard.queue_depth')}>
      {data && (
        <LineChart
          {...dayChart(data.days, 'point')}
          series={data.series.map(({ resource, counts }) => ({
            id: resource,
            data: counts,
            label: translate(`verity.dashboard.types.${resource}`),
            color: colors[resource],
            showMark: false,
            curve: 'linear',
          }))}
          slotProps={{ legend: { sx: { fontSize: 12 } } }}
        />
      )}
    </ChartCard>
  );
};

const DecisionsChart = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { palette } = useTheme();
  const [resource, setResource] = useState<ModeratedResource>('reviews');
  const { data } = useStats<DecisionsReport>('decisions');
  const outcomeColors: Record<string, string> = {
    approve: palette.success.main,
    verify: palette.success.main,
    reinstate: palette.info.main,
    reject: palette.error.main,
    suspend: palette.error.dark,
    escalate: palette.warning.main,
    request_info: palette.warning.main,
  };
  const series = data?.series.filter((s) => s.resource === resource) ?? [];
  return (
    <ChartCard
      title={translate('verity.dashboard.decisions')}
      action={
        <ToggleButtonGroup
          size="small"
          exclusive
          value={resource}
          onChange={(_, value: ModeratedResource | null) => value && setResource(value)}
          aria-label={translate('verity.dashboard.decisions')}
        >
          {moderatedResources.map((type) => (
            <ToggleButton
              key={type}
              value={type}
              sx={{ py: 0.1, px: 1, fontSize: '0.72rem', textTransform: 'none' }}
            >
              {translate(`verity.dashboard.types.${type}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      }
    >
      {data && (
        <BarChart
          {...dayChart(data.days, 'band')}
          series={series.map(({ action, counts }) => ({
            id: action,
            data: counts,
            stack: 'outcomes',
            label: translate(`verity.dashboard.actions.${action}`),
            color: outcomeColors[action],
          }))}
          onItemClick={(_, item) => {
            const day = data.days[item.dataIndex];
            navigate(decisionsLink(resource, [String(item.seriesId)], day, day));
          }}
          slotProps={{ legend: { sx: { fontSize: 12 } } }}
        />
      )}
    </ChartCard>
  );
};

const DashboardCharts = () => (
  <Grid container spacing={2}>
    <Grid size={{ xs: 12, lg: 6 }}>
      <QueueDepthChart />
    </Grid>
    <Grid size={{ xs: 12, lg: 6 }}>
      <DecisionsChart />
    </Grid>
  </Grid>
);

export default DashboardCharts;

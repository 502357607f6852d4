import {
  Box,
  Button,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useDataProvider, useTranslate } from 'react-admin';
import { addDays, isDay } from '../domain/stats';
import { transparencyCsvUrl, type VerityDataProvider } from '../providers/dataProvider';
import { Section } from '../ui/Section';
import { formatCount } from '../domain/listQuery';

/**
 * The transparency report of a range of UTC days, as the public or a regulator reads it: what
 * arrived and what was decided, per type, counted from the audit log; downloadable as CSV.
 */
export const TransparencyCard = ({ today }: { today: string }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<VerityDataProvider>();
  const [from, setFrom] = useState(addDays(today, -29));
  const [to, setTo] = useState(today);
  const valid = isDay(from) && isDay(to) && from <= to;
  const { data, error } = useQuery({
    queryKey: ['transparency', from, to],
    queryFn: () => dataProvider.transparencyReport(from, to),
    enabled: valid,
  });
  const number = { fontVariantNumeric: 'tabular-nums', py: 0.5 } as const;
  return (
    <Section title="verity.dashboard.transparency">
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <TextField
          type="date"
          size="small"
          label={translate('verity.dashboard.from')}
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 170 }}
        />
        <TextField
          type="date"
          size="small"
          label={translate('verity.dashboard.to')}
          value={to}
          onChange={(event) => setTo(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 170 }}
        />
        <Button
          size="small"
          startIcon={<DownloadIcon />}
          href={transparencyCsvUrl(from, to)}
          disabled={!valid}
          download
        >
          {translate('verity.dashboard.download_csv')}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {translate('verity.dashboard.days_utc')}
        </Typography>
      </Box>
      {error && (
        <Typography variant="body2" color="error">
          {(error as Error).message}
        </Typography>
      )}
      <Table size="small" aria-label={translate('verity.dashboard.transparency')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('verity.dashboard.type')}</TableCell>
            {['received', 'approved', 'rejected', 'escalated', 'reverts', 'median_to_decision'].map(
              (column) => (
                <TableCell key={column} align="right">
                  {translate(`verity.dashboard.${column}`)}
                </TableCell>
              ),
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {data?.rows.map((row) => (
            <TableRow key={row.resource}>
              <TableCell component="th" scope="row" sx={{ py: 0.5 }}>
                {translate(`verity.dashboard.types.${row.resource}`)}
              </TableCell>
              <TableCell align="right" sx={number}>
                {formatCount(row.received)}
              </TableCell>
              <TableCell align="right" sx={number}>
                {formatCount(row.approved)}
              </TableCell>
              <TableCell
                align="right"
                sx={number}
                title={Object.entries(row.rejectedByReason)
                  .map(([reason, n]) => `${reason}: ${n}`)
                  .join('\n')}
              >
                {formatCount(row.rejected)}
              </TableCell>
              <TableCell align="right" sx={number}>
                {formatCount(row.escalated)}
              </TableCell>
              <TableCell align="right" sx={number}>
                {formatCount(row.reverted)}
              </TableCell>
              <TableCell align="right" sx={number}>
                {row.medianHoursToDecision === null ? '—' : `${row.medianHoursToDecision} h`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
};

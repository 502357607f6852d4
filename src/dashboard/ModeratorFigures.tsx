import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { Link, useTranslate } from 'react-admin';
import { decisiveActions, type ModeratorsReport } from '../domain/stats';
import { moderatedResources } from '../domain/transitions';
import { Section } from '../ui/Section';
import { listLink, spanText } from './links';
import { useStats } from './useStats';
import { formatCount } from '../domain/listQuery';

const allDecisions = [...new Set(moderatedResources.flatMap(decisiveActions))];

/**
 * Each moderator's last 30 days: a senior or an admin sees the whole team, anyone else their own
 * line (the server decides which). Agreement is the share of their decisions drawn for a quality
 * check that the second reviewer decided alike.
 */
export const ModeratorFigures = ({ team }: { team: boolean }) => {
  const translate = useTranslate();
  const { data } = useStats<ModeratorsReport>('moderators');
  const cell = { fontVariantNumeric: 'tabular-nums', py: 0.5 } as const;
  return (
    <Section title={team ? 'verity.dashboard.moderators' : 'verity.dashboard.own_figures'}>
      <Table
        size="small"
        aria-label={translate(team ? 'verity.dashboard.moderators' : 'verity.dashboard.own_figures')}
      >
        <TableHead>
          <TableRow>
            <TableCell>{translate('verity.dashboard.moderator')}</TableCell>
            <TableCell align="right">{translate('verity.dashboard.decisions_total')}</TableCell>
            <TableCell align="right">{translate('verity.dashboard.per_day')}</TableCell>
            <TableCell align="right">{translate('verity.dashboard.handling_median')}</TableCell>
            <TableCell align="right">{translate('verity.dashboard.reverted')}</TableCell>
            <TableCell align="right">{translate('verity.dashboard.agreement')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {data?.moderators.map((row) => (
            <TableRow key={row.moderatorId}>
              <TableCell sx={{ py: 0.5 }}>{row.name}</TableCell>
              <TableCell align="right" sx={cell}>
                <Link
                  to={listLink(
                    'audit',
                    { actorId: row.moderatorId, action: allDecisions, at_gte: data.from },
                    { field: 'at', order: 'DESC' },
                  )}
                  underline="hover"
                >
                  {formatCount(row.decisions)}
                </Link>
              </TableCell>
              <TableCell align="right" sx={cell}>
                {(row.decisions / data.days.length).toFixed(1)}
              </TableCell>
              <TableCell align="right" sx={cell}>
                {row.handling.medianMs === null ? '—' : spanText(row.handling.medianMs)}
              </TableCell>
              <TableCell align="right" sx={cell}>
                {row.decisions === 0 ? '—' : `${((row.reverted / row.decisions) * 100).toFixed(1)}%`}
              </TableCell>
              <TableCell align="right" sx={cell} title={`${row.checked.agreed} / ${row.checked.reviewed}`}>
                {row.checked.reviewed === 0
                  ? '—'
                  : `${((row.checked.agreed / row.checked.reviewed) * 100).toFixed(0)}%`}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Section>
  );
};

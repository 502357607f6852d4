import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
  RecordContextProvider,
  ReferenceField,
  useDataProvider,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';
import type { AuditEntry } from '../domain/model';
import { findReason } from '../domain/reasons';
import type { ModeratedResource } from '../domain/transitions';
import type { VerityDataProvider } from '../providers/dataProvider';
import { TimestampField } from './Dates';
import { Section, SubHeading } from './Section';

/** A doctor's verification takes two decisions under four-eyes; the history tells them apart. */
const historyAction = ({ action, fromStatus, toStatus }: AuditEntry) =>
  action === 'verify' && toStatus === 'awaiting_confirmation'
    ? 'verity.history.first_verification'
    : action === 'verify' && fromStatus === 'awaiting_confirmation'
      ? 'verity.history.confirmed'
      : `verity.decision.done.${action}`;

/**
 * Every decision taken on the record (who, when, what, why), oldest first, and what its author
 * was told. Read again whenever the record's version moves, so a decision shows up at once.
 */
export const RecordHistory = () => {
  const record = useRecordContext();
  const resource = useResourceContext() as ModeratedResource;
  const dataProvider = useDataProvider<VerityDataProvider>();
  const translate = useTranslate();
  const id = record?.id;
  const version = record?.version as number | undefined;
  const history = useQuery({
    queryKey: [resource, 'history', id, version],
    queryFn: () => dataProvider.history(resource, id!),
    enabled: id !== undefined,
  });
  const notices = useQuery({
    queryKey: [resource, 'notifications', id, version],
    queryFn: () => dataProvider.notifications(resource, id!),
    enabled: id !== undefined,
  });
  if (!record) return null;
  const none = (key: string) => (
    <Typography variant="body2" color="text.secondary">
      {translate(key)}
    </Typography>
  );

  return (
    <Section title="verity.history.title">
      {history.data?.length ? (
        <Table size="small" aria-label={translate('verity.history.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('verity.history.at')}</TableCell>
              <TableCell>{translate('verity.history.who')}</TableCell>
              <TableCell>{translate('verity.history.action')}</TableCell>
              <TableCell>{translate('verity.history.change')}</TableCell>
              <TableCell>{translate('verity.history.reason')}</TableCell>
              <TableCell>{translate('verity.history.note')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.data.map((entry) => (
              <RecordContextProvider key={entry.id} value={entry}>
                <TableRow>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <TimestampField source="at" />
                  </TableCell>
                  <TableCell>
                    {/* No actor: the daily sweep decided (a license lapsed, a verification aged). */}
                    <ReferenceField
                      source="actorId"
                      reference="moderators"
                      link={false}
                      emptyText={translate('resources.audit.system')}
                    />
                  </TableCell>
                  <TableCell>{translate(historyAction(entry), { _: entry.action })}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {entry.fromStatus ? translate(`verity.status.${entry.fromStatus}`) : '—'} →{' '}
                    {entry.toStatus ? translate(`verity.status.${entry.toStatus}`) : '—'}
                  </TableCell>
                  <TableCell>
                    {entry.reasonCode
                      ? (findReason(resource, entry.reasonCode)?.label ?? entry.reasonCode)
                      : '—'}
                  </TableCell>
                  <TableCell sx={{ overflowWrap: 'anywhere' }}>{entry.note ?? '—'}</TableCell>
                </TableRow>
              </RecordContextProvider>
            ))}
          </TableBody>
        </Table>
      ) : (
        none(history.isPending ? 'ra.page.loading' : 'verity.history.none')
      )}
      <SubHeading title="verity.history.notices" />
      {notices.data?.length
        ? notices.data.map((notice) => (
            <RecordContextProvider key={notice.id} value={notice}>
              <Typography variant="body2" component="div" sx={{ mb: 1 }}>
                <Typography variant="caption" color="text.secondary" component="div">
                  <TimestampField source="at" /> · {notice.recipient}
                </Typography>
                {notice.text}
              </Typography>
            </RecordContextProvider>
          ))
        : none(notices.isPending ? 'ra.page.loading' : 'verity.history.no_notices')}
    </Section>
  );
};

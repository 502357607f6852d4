import type { MouseEvent } from 'react';
import { Box } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useTranslate } from 'react-admin';
import type { AuditEntry } from '../../domain/model';

const resourcesWithPages = new Set(['doctors', 'questions', 'answers', 'reviews', 'photos']);

/** The audited record, linking to its page when it has one. */
export const AuditedRecordField = () => {
  const entry = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!entry) return null;
  const label = `${translate(`resources.${entry.resource}.name`, { smart_count: 1, _: entry.resource })} #${entry.recordId}`;
  if (!resourcesWithPages.has(entry.resource)) return <span>{label}</span>;
  return (
    <Link
      to={createPath({ resource: entry.resource, id: entry.recordId, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
    >
      {label}
    </Link>
  );
};

/** "Pending → Approved": the status change the entry records, if any. */
export const TransitionField = () => {
  const entry = useRecordContext<AuditEntry>();
  const translate = useTranslate();
  if (!entry || (entry.fromStatus === null && entry.toStatus === null)) return null;
  const status = (value: string | null) => (value ? translate(`verity.status.${value}`, { _: value }) : '—');
  return (
    <Box component="span" sx={{ whiteSpace: 'nowrap' }}>
      {status(entry.fromStatus)} → {status(entry.toStatus)}
    </Box>
  );
};

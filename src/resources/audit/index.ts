import AuditIcon from '@mui/icons-material/History';
import { lazy } from 'react';
import type { AuditEntry } from '../../domain/model';

export default {
  list: lazy(() => import('./AuditList')),
  show: lazy(() => import('./AuditShow')),
  icon: AuditIcon,
  recordRepresentation: (entry: AuditEntry) => `#${entry.id}`,
};

import type { ReactElement, ReactNode } from 'react';
import { List } from 'react-admin';
import { moderationStatuses } from '../domain/model';
import { StatusTabs, type ListPreset } from './StatusTabs';

/**
 * The list of a moderated resource: riskiest first, opening on what is still pending, with
 * the status tabs above the table. Answers, reviews, photos and doctors all use it.
 */
export const ModerationList = ({
  filters,
  statusSource = 'status',
  statuses = moderationStatuses,
  presets,
  children,
}: {
  filters: ReactElement[];
  statusSource?: 'status' | 'verificationStatus';
  statuses?: readonly string[];
  /** Tabs after the statuses' for queues a status alone does not make. */
  presets?: readonly ListPreset[];
  children: ReactNode;
}) => (
  <List
    filters={filters}
    filterDefaultValues={{ [statusSource]: 'pending' }}
    sort={{ field: 'riskScore', order: 'DESC' }}
    perPage={25}
  >
    <StatusTabs source={statusSource} statuses={statuses} presets={presets} />
    {children}
  </List>
);

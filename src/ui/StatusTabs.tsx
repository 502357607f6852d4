import { Box, Divider, Tab, Tabs } from '@mui/material';
import type { SyntheticEvent } from 'react';
import { useGetList, useListContext, useTranslate, type FilterPayload } from 'react-admin';

const allStatuses = 'all';

/** How many records the list's other filters leave in one status: the total of a one-row page. */
const StatusCount = ({ resource, filter }: { resource: string; filter: FilterPayload }) => {
  const { total } = useGetList(resource, {
    filter,
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'ASC' },
  });
  return (
    <Box
      component="span"
      sx={{
        ml: 0.75,
        px: 0.75,
        minWidth: 24,
        borderRadius: 8,
        bgcolor: 'action.selected',
        color: 'text.primary',
        fontSize: '0.75rem',
        fontVariantNumeric: 'tabular-nums',
        lineHeight: '18px',
      }}
    >
      {total ?? '…'}
    </Box>
  );
};

const withoutStatus = (filter: FilterPayload, source: string) =>
  Object.fromEntries(Object.entries(filter).filter(([field]) => field !== source));

/**
 * One tab per status, bound to the list's status filter, each with its count under the other
 * filters in force: the moderator sees at once how much is waiting and where.
 */
export const StatusTabs = ({
  source,
  statuses,
}: {
  source: 'status' | 'verificationStatus';
  statuses: readonly string[];
}) => {
  const { filterValues, setFilters, displayedFilters, resource } = useListContext();
  const translate = useTranslate();
  const others = withoutStatus(filterValues, source);
  const current = (filterValues[source] as string | undefined) ?? allStatuses;

  const selectStatus = (_event: SyntheticEvent, status: string) =>
    setFilters(status === allStatuses ? others : { ...others, [source]: status }, displayedFilters, false);

  return (
    <>
      <Tabs
        value={current}
        onChange={selectStatus}
        aria-label={translate(`resources.${resource}.fields.${source}`)}
        variant="scrollable"
        scrollButtons={false}
      >
        {[...statuses, allStatuses].map((status) => (
          <Tab
            key={status}
            value={status}
            label={
              <span>
                {translate(`verity.status.${status}`)}{' '}
                <StatusCount
                  resource={resource}
                  filter={status === allStatuses ? others : { ...others, [source]: status }}
                />
              </span>
            }
          />
        ))}
      </Tabs>
      <Divider />
    </>
  );
};

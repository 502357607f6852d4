import { Box, Divider, Tab, Tabs } from '@mui/material';
import type { SyntheticEvent } from 'react';
import { useGetList, useListContext, useTranslate, type FilterPayload } from 'react-admin';
import { formatTotal } from '../domain/listQuery';

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
      {total === undefined ? '…' : formatTotal(total)}
    </Box>
  );
};

const withoutStatus = (filter: FilterPayload, source: string) =>
  Object.fromEntries(Object.entries(filter).filter(([field]) => field !== source));

/**
 * A tab for a queue that one status does not make: "verified doctors whose license expires within
 * 30 days". It is on while its status is chosen and its other filters are set, whatever their
 * values, so a moderator may move the date in the filter bar and stay on the tab.
 */
export interface ListPreset {
  value: string;
  /** A translation key. */
  label: string;
  filter: FilterPayload;
}

const presetIsOn = (preset: ListPreset, filterValues: FilterPayload, source: string) =>
  Object.entries(preset.filter).every(([field, value]) =>
    field === source ? filterValues[field] === value : filterValues[field] !== undefined,
  );

const withoutPreset = (filter: FilterPayload, preset: ListPreset | undefined) =>
  preset ? Object.fromEntries(Object.entries(filter).filter(([field]) => !(field in preset.filter))) : filter;

/**
 * One tab per status, bound to the list's status filter, each with its count under the other
 * filters in force: the moderator sees at once how much is waiting and where. `presets` add tabs
 * after them for queues a status alone does not make.
 */
export const StatusTabs = ({
  source,
  statuses,
  presets = [],
}: {
  source: 'status' | 'verificationStatus';
  statuses: readonly string[];
  presets?: readonly ListPreset[];
}) => {
  const { filterValues, setFilters, displayedFilters, resource } = useListContext();
  const translate = useTranslate();
  const activePreset = presets.find((preset) => presetIsOn(preset, filterValues, source));
  const others = withoutStatus(withoutPreset(filterValues, activePreset), source);
  const current = activePreset?.value ?? (filterValues[source] as string | undefined) ?? allStatuses;

  const selectStatus = (_event: SyntheticEvent, value: string) => {
    const preset = presets.find((candidate) => candidate.value === value);
    if (preset) {
      const shown = Object.fromEntries(Object.keys(preset.filter).map((field) => [field, true]));
      setFilters({ ...others, ...preset.filter }, { ...displayedFilters, ...shown }, false);
    } else {
      setFilters(value === allStatuses ? others : { ...others, [source]: value }, displayedFilters, false);
    }
  };

  const tab = (value: string, label: string, filter: FilterPayload) => (
    <Tab
      key={value}
      value={value}
      label={
        <span>
          {label} <StatusCount resource={resource} filter={filter} />
        </span>
      }
    />
  );

  return (
    <>
      <Tabs
        value={current}
        onChange={selectStatus}
        aria-label={translate(`resources.${resource}.fields.${source}`)}
        variant="scrollable"
        scrollButtons={false}
      >
        {[...statuses, allStatuses].map((status) =>
          tab(
            status,
            translate(`verity.status.${status}`),
            status === allStatuses ? others : { ...others, [source]: status },
          ),
        )}
        {presets.map((preset) => tab(preset.value, translate(preset.label), { ...others, ...preset.filter }))}
      </Tabs>
      <Divider />
    </>
  );
};

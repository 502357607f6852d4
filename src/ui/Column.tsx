import {
  DataTable,
  useDataTableRenderContext,
  useDataTableSortContext,
  useResourceContext,
  type DataTableColumnProps,
} from 'react-admin';
import { isResourceName, resourceSpecs } from '../domain/resources';

/** Whether the API accepts `sort` on this field (the spec's whitelist); others would answer 400. */
const isSortable = (resource: string | undefined, source: string | undefined) =>
  resource !== undefined &&
  source !== undefined &&
  isResourceName(resource) &&
  resourceSpecs[resource].sortable.includes(source);

/**
 * A DataTable column whose header offers sorting only when the server can sort by its source,
 * and tells screen readers (aria-sort) which column the rows are sorted by.
 */
export const Column = (props: DataTableColumnProps) => {
  const resource = useResourceContext();
  const renderContext = useDataTableRenderContext();
  const sort = useDataTableSortContext();
  const sortedHere = renderContext === 'header' && sort !== undefined && sort.field === props.source;
  return (
    <DataTable.Col
      disableSort={!isSortable(resource, props.source)}
      sortDirection={sortedHere ? (sort.order === 'ASC' ? 'asc' : 'desc') : false}
      {...props}
    />
  );
};

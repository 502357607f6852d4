import { DataTable, EditButton, List, SelectInput, useCanAccess } from 'react-admin';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { searchFilter } from '../../ui/filterInputs';
import { YesNoField } from '../../ui/YesNoField';
import { roleChoices } from './roleChoices';
import { RoleChip } from './RoleChip';

const moderatorFilters = [
  searchFilter,
  <SelectInput source="role" choices={roleChoices} sx={{ minWidth: 160 }} />,
];

/** The team. Everyone may read it; the create button and the edit links appear for admins only. */
const ModeratorList = () => {
  const { canAccess: canEdit } = useCanAccess({ resource: 'moderators', action: 'edit' });
  return (
    <List filters={moderatorFilters} sort={{ field: 'name', order: 'ASC' }} perPage={50}>
      <DataTable bulkActionButtons={false}>
        <Column source="name" />
        <Column source="email" />
        <Column source="role">
          <RoleChip />
        </Column>
        <Column source="active">
          <YesNoField source="active" />
        </Column>
        <Column source="createdAt">
          <TimestampField source="createdAt" />
        </Column>
        {canEdit && (
          <DataTable.Col align="right">
            <EditButton />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
};

export default ModeratorList;

import { DataTable, List, ReferenceField } from 'react-admin';
import { CodeField } from '../../ui/CodeField';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { AuditedRecordField, TransitionField } from './AuditFields';
import { auditFilters } from './auditFilters';

const AuditList = () => (
  <List filters={auditFilters} sort={{ field: 'id', order: 'DESC' }} perPage={50}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="id" align="right" />
      <Column source="at">
        <TimestampField source="at" />
      </Column>
      <Column source="actorId" disableSort>
        <ReferenceField
          source="actorId"
          reference="moderators"
          link={false}
          emptyText="resources.audit.system"
        />
      </Column>
      <Column source="action" />
      <Column source="recordId" disableSort>
        <AuditedRecordField />
      </Column>
      <Column label="resources.audit.fields.transition">
        <TransitionField />
      </Column>
      <Column source="reasonCode">
        <CodeField source="reasonCode" />
      </Column>
    </DataTable>
  </List>
);

export default AuditList;

import { DataTable, List } from 'react-admin';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { Excerpt } from '../../ui/Excerpt';
import { ShowLink } from '../../ui/ShowLink';
import { questionFilters } from './questionFilters';

const QuestionList = () => (
  <List filters={questionFilters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="title">
        <ShowLink>
          <Excerpt source="excerpt" lead="title" />
        </ShowLink>
      </Column>
      <Column source="procedure" />
      <Column source="askerName" />
      <Column source="createdAt">
        <TimestampField source="createdAt" />
      </Column>
    </DataTable>
  </List>
);

export default QuestionList;

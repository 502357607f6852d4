import { DataTable, ReferenceField } from 'react-admin';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { DoctorReferenceField } from '../../ui/DoctorReferenceField';
import { Excerpt } from '../../ui/Excerpt';
import { ModerationList } from '../../ui/ModerationList';
import { RiskScore } from '../../ui/RiskScore';
import { ShowLink } from '../../ui/ShowLink';
import { StatusChip } from '../../ui/StatusChip';
import { answerFilters } from './answerFilters';

const AnswerList = () => (
  <ModerationList filters={answerFilters}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="riskScore" align="right">
        <RiskScore />
      </Column>
      <Column source="status">
        <StatusChip />
      </Column>
      <Column source="body">
        <ShowLink>
          <Excerpt source="body" />
        </ShowLink>
      </Column>
      <Column source="questionId" disableSort>
        <ReferenceField source="questionId" reference="questions" link="show" />
      </Column>
      <Column source="doctorId" disableSort>
        <DoctorReferenceField />
      </Column>
      <Column source="createdAt">
        <TimestampField source="createdAt" />
      </Column>
    </DataTable>
  </ModerationList>
);

export default AnswerList;

import { DataTable, ReferenceField } from 'react-admin';
import { useBulkDecisions } from '../../ui/BulkDecisionButtons';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { DoctorReferenceField } from '../../ui/DoctorReferenceField';
import { Excerpt } from '../../ui/Excerpt';
import { ModerationList } from '../../ui/ModerationList';
import { RecordDrawer, useRecordDrawer } from '../../ui/RecordDrawer';
import { moderationColumns } from '../../ui/moderationColumns';
import { ShowLink } from '../../ui/ShowLink';
import { AnswerContent } from './AnswerContent';
import { answerFilters } from './answerFilters';

const AnswerList = () => {
  const bulkActionButtons = useBulkDecisions('answers');
  const drawer = useRecordDrawer();
  return (
    <ModerationList filters={answerFilters}>
      <DataTable rowClick={drawer.rowClick} bulkActionButtons={bulkActionButtons}>
        {moderationColumns}
        <Column source="body">
          <ShowLink>
            <Excerpt source="excerpt" />
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
      <RecordDrawer id={drawer.id} onClose={drawer.close}>
        <AnswerContent />
      </RecordDrawer>
    </ModerationList>
  );
};

export default AnswerList;

import { DataTable } from 'react-admin';
import { useBulkDecisions } from '../../ui/BulkDecisionButtons';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { DoctorReferenceField } from '../../ui/DoctorReferenceField';
import { Excerpt } from '../../ui/Excerpt';
import { ModerationList } from '../../ui/ModerationList';
import { RecordDrawer, useRecordDrawer } from '../../ui/RecordDrawer';
import { RatingField } from '../../ui/RatingField';
import { moderationColumns } from '../../ui/moderationColumns';
import { ShowLink } from '../../ui/ShowLink';
import { ReviewContent } from './ReviewContent';
import { reviewFilters } from './reviewFilters';

const ReviewList = () => {
  const bulkActionButtons = useBulkDecisions('reviews');
  const drawer = useRecordDrawer();
  return (
    <ModerationList filters={reviewFilters}>
      <DataTable rowClick={drawer.rowClick} bulkActionButtons={bulkActionButtons}>
        {moderationColumns}
        <Column source="rating">
          <RatingField />
        </Column>
        <Column source="body">
          <ShowLink>
            <Excerpt source="excerpt" lead="title" />
          </ShowLink>
        </Column>
        <Column source="procedure" />
        <Column source="doctorId" disableSort>
          <DoctorReferenceField />
        </Column>
        <Column source="createdAt">
          <TimestampField source="createdAt" />
        </Column>
      </DataTable>
      <RecordDrawer id={drawer.id} onClose={drawer.close}>
        <ReviewContent />
      </RecordDrawer>
    </ModerationList>
  );
};

export default ReviewList;

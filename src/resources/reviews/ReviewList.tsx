import { DataTable } from 'react-admin';
import { useBulkDecisions } from '../../ui/BulkDecisionButtons';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { DoctorReferenceField } from '../../ui/DoctorReferenceField';
import { Excerpt } from '../../ui/Excerpt';
import { FailedRuleChips } from '../../ui/FailedRuleChips';
import { ModerationList } from '../../ui/ModerationList';
import { RecordDrawer, useRecordDrawer } from '../../ui/RecordDrawer';
import { RatingField } from '../../ui/RatingField';
import { RiskScore } from '../../ui/RiskScore';
import { ShowLink } from '../../ui/ShowLink';
import { StatusChip } from '../../ui/StatusChip';
import { ReviewContent } from './ReviewContent';
import { reviewFilters } from './reviewFilters';

const ReviewList = () => {
  const bulkActionButtons = useBulkDecisions('reviews');
  const drawer = useRecordDrawer();
  return (
    <ModerationList filters={reviewFilters}>
      <DataTable rowClick={drawer.rowClick} bulkActionButtons={bulkActionButtons}>
        <Column source="riskScore" align="right">
          <RiskScore />
        </Column>
        <Column source="ruleResults" label="verity.rules.failed" disableSort>
          <FailedRuleChips />
        </Column>
        <Column source="status">
          <StatusChip />
        </Column>
        <Column source="rating">
          <RatingField />
        </Column>
        <Column source="body">
          <ShowLink>
            <Excerpt source="body" lead="title" />
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

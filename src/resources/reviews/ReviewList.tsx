import { DataTable } from 'react-admin';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { DoctorReferenceField } from '../../ui/DoctorReferenceField';
import { Excerpt } from '../../ui/Excerpt';
import { ModerationList } from '../../ui/ModerationList';
import { RatingField } from '../../ui/RatingField';
import { RiskScore } from '../../ui/RiskScore';
import { ShowLink } from '../../ui/ShowLink';
import { StatusChip } from '../../ui/StatusChip';
import { reviewFilters } from './reviewFilters';

const ReviewList = () => (
  <ModerationList filters={reviewFilters}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="riskScore" align="right">
        <RiskScore />
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
  </ModerationList>
);

export default ReviewList;

import { DataTable } from 'react-admin';
import { useBulkDecisions } from '../../ui/BulkDecisionButtons';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { DoctorReferenceField } from '../../ui/DoctorReferenceField';
import { Excerpt } from '../../ui/Excerpt';
import { FailedRuleChips } from '../../ui/FailedRuleChips';
import { ModerationList } from '../../ui/ModerationList';
import { RecordDrawer, useRecordDrawer } from '../../ui/RecordDrawer';
import { RiskScore } from '../../ui/RiskScore';
import { ShowLink } from '../../ui/ShowLink';
import { StatusChip } from '../../ui/StatusChip';
import { PhotoContent } from './PhotoContent';
import { PhotoThumbnails } from './PhotoThumbnails';
import { photoFilters } from './photoFilters';

const PhotoList = () => {
  const bulkActionButtons = useBulkDecisions('photos');
  const drawer = useRecordDrawer();
  return (
    <ModerationList filters={photoFilters}>
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
        <Column label="resources.photos.fields.pair" disableSort>
          <PhotoThumbnails />
        </Column>
        <Column source="caption">
          <ShowLink>
            <Excerpt source="caption" />
          </ShowLink>
        </Column>
        <Column source="procedure" />
        <Column source="monthsAfterTreatment" align="right" />
        <Column source="doctorId" disableSort>
          <DoctorReferenceField />
        </Column>
        <Column source="createdAt">
          <TimestampField source="createdAt" />
        </Column>
      </DataTable>
      <RecordDrawer id={drawer.id} onClose={drawer.close}>
        <PhotoContent />
      </RecordDrawer>
    </ModerationList>
  );
};

export default PhotoList;

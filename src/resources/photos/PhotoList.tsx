import { DataTable } from 'react-admin';
import { useBulkDecisions } from '../../ui/BulkDecisionButtons';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { DoctorReferenceField } from '../../ui/DoctorReferenceField';
import { Excerpt } from '../../ui/Excerpt';
import { ModerationList } from '../../ui/ModerationList';
import { RecordDrawer, useRecordDrawer } from '../../ui/RecordDrawer';
import { moderationColumns } from '../../ui/moderationColumns';
import { ShowLink } from '../../ui/ShowLink';
import { PhotoContent } from './PhotoContent';
import { PhotoThumbnails } from './PhotoThumbnails';
import { photoFilters } from './photoFilters';

const PhotoList = () => {
  const bulkActionButtons = useBulkDecisions('photos');
  const drawer = useRecordDrawer();
  return (
    <ModerationList filters={photoFilters}>
      <DataTable rowClick={drawer.rowClick} bulkActionButtons={bulkActionButtons}>
        {moderationColumns}
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

import { Box } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Photo } from '../../domain/model';
import { DoctorStandingBanner } from '../../ui/DoctorStandingBanner';
import { Fact, Facts } from '../../ui/Facts';
import { Section } from '../../ui/Section';
import { UserText } from '../../ui/UserText';
import { YesNoField } from '../../ui/YesNoField';
import { PhotoExif } from './PhotoExif';
import { matchesOf, PhotoMatches } from './PhotoMatches';
import { PhotoViewer } from './PhotoViewer';

/**
 * The pair as a moderator examines it: the caption, the two photos in the viewer, the pairs they
 * were found in before (PH_DUP, PH_MIRROR), and what each original file says about itself.
 */
export const PhotoContent = () => {
  const photo = useRecordContext<Photo>();
  return (
    <>
      <DoctorStandingBanner kind="photos" />
      <Section title="resources.photos.fields.caption">
        <UserText source="caption" />
        <Facts sx={{ mt: 1 }}>
          <Fact source="procedure" />
          <Fact source="monthsAfterTreatment" />
          <Fact source="consentOnFile">
            <YesNoField source="consentOnFile" />
          </Fact>
        </Facts>
      </Section>
      <Section title="resources.photos.name" titleArgs={{ smart_count: 1 }}>
        <PhotoViewer />
      </Section>
      {matchesOf(photo).length > 0 && (
        <Section title="verity.photos.matches.title">
          <PhotoMatches />
        </Section>
      )}
      <Section title="verity.photos.exif.title">
        <Box sx={{ overflowX: 'auto' }}>
          <PhotoExif />
        </Box>
      </Section>
    </>
  );
};

import { Box } from '@mui/material';
import { DoctorStandingBanner } from '../../ui/DoctorStandingBanner';
import { Fact, Facts } from '../../ui/Facts';
import { Section } from '../../ui/Section';
import { UserText } from '../../ui/UserText';
import { YesNoField } from '../../ui/YesNoField';
import { PhotoFigure } from './PhotoFigure';

/** The pair side by side with its caption: what a moderator compares before deciding on it. */
export const PhotoContent = () => (
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
      <Box sx={{ display: 'flex', gap: 2 }}>
        <PhotoFigure side="before" />
        <PhotoFigure side="after" />
      </Box>
    </Section>
  </>
);

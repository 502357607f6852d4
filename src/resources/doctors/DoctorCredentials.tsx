import { Box, Typography } from '@mui/material';
import { ReferenceField, useRecordContext, useTranslate } from 'react-admin';
import type { Doctor } from '../../domain/model';
import { CodeField } from '../../ui/CodeField';
import { TimestampField } from '../../ui/Dates';
import { DoctorName } from '../../ui/DoctorName';
import { Fact, Facts } from '../../ui/Facts';
import { LicenseExpiryField, LicenseStatusField } from '../../ui/LicenseFields';
import { Section } from '../../ui/Section';
import { YesNoField } from '../../ui/YesNoField';

const Documents = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  if (!doctor) return null;
  if (doctor.documents.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('resources.doctors.section.no_documents')}
      </Typography>
    );
  }
  return (
    <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
      {doctor.documents.map((document) => (
        <Typography
          component="li"
          variant="body2"
          key={document}
          sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}
        >
          {document}
        </Typography>
      ))}
    </Box>
  );
};

/** The doctor's credentials, practice and documents: what a verifier checks before deciding. */
export const DoctorCredentials = () => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: 2 }}>
    <Section title="resources.doctors.section.credentials">
      <Facts>
        <Fact source="name">
          <DoctorName />
        </Fact>
        <Fact source="specialty" />
        <Fact source="npi">
          <CodeField source="npi" />
        </Fact>
        <Fact source="licenseState" />
        <Fact source="licenseNumber">
          <CodeField source="licenseNumber" />
        </Fact>
        <Fact source="licenseStatus">
          <LicenseStatusField />
        </Fact>
        <Fact source="licenseExpiresOn">
          <LicenseExpiryField />
        </Fact>
        <Fact source="board" />
        <Fact source="boardCertified">
          <YesNoField source="boardCertified" />
        </Fact>
        <Fact source="verifiedAt">
          <TimestampField source="verifiedAt" />
        </Fact>
        <Fact source="verifiedBy">
          <ReferenceField source="verifiedBy" reference="moderators" link={false} emptyText="—" />
        </Fact>
      </Facts>
    </Section>
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Section title="resources.doctors.section.practice">
        <Facts>
          <Fact source="practiceName" />
          <Fact source="city" />
          <Fact source="practiceDomain" />
          <Fact source="practicePhone" />
        </Facts>
      </Section>
      <Section title="resources.doctors.section.documents">
        <Documents />
      </Section>
    </Box>
  </Box>
);

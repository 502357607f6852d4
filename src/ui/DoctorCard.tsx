import { Box, Typography } from '@mui/material';
import { Link, ReferenceField, useCreatePath, useRecordContext } from 'react-admin';
import type { Doctor } from '../domain/model';
import { CodeField } from './CodeField';
import { DoctorName } from './DoctorName';
import { Fact, Facts } from './Facts';
import { LicenseExpiryField, LicenseStatusField } from './LicenseFields';
import { Section } from './Section';
import { StatusChip } from './StatusChip';

const DoctorSummary = () => {
  const doctor = useRecordContext<Doctor>();
  const createPath = useCreatePath();
  if (!doctor) return null;
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 0.25 }}>
        <Link to={createPath({ resource: 'doctors', id: doctor.id, type: 'show' })} sx={{ fontWeight: 600 }}>
          <DoctorName />
        </Link>
        <StatusChip source="verificationStatus" />
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {doctor.specialty} · {doctor.practiceName}, {doctor.city}
      </Typography>
      <Facts>
        <Fact source="npi">
          <CodeField source="npi" />
        </Fact>
        <Fact label="resources.doctors.fields.licenseNumber">
          {doctor.licenseState} {doctor.licenseNumber}
        </Fact>
        <Fact source="licenseStatus">
          <LicenseStatusField />
        </Fact>
        <Fact source="licenseExpiresOn">
          <LicenseExpiryField />
        </Fact>
        <Fact source="board" />
      </Facts>
    </>
  );
};

/** Who wrote the content on screen, with the credentials a moderator weighs it against. */
export const DoctorCard = () => (
  <Section title="resources.doctors.name" titleArgs={{ smart_count: 1 }}>
    <ReferenceField source="doctorId" reference="doctors" link={false}>
      <DoctorSummary />
    </ReferenceField>
  </Section>
);

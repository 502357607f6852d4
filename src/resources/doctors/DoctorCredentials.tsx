import { Box } from '@mui/material';
import { ReferenceField } from 'react-admin';
import { CodeField } from '../../ui/CodeField';
import { TimestampField } from '../../ui/Dates';
import { DoctorName } from '../../ui/DoctorName';
import { Fact, Facts } from '../../ui/Facts';
import { LicenseExpiryField, LicenseStatusField } from '../../ui/LicenseFields';
import { Section } from '../../ui/Section';
import { YesNoField } from '../../ui/YesNoField';
import { BoardOrders } from './BoardOrders';
import { DoctorDocuments } from './DoctorDocuments';
import { RegistryComparison } from './RegistryComparison';

/**
 * What a verifier checks before deciding: the profile beside the NPI registry, the credentials and
 * practice as claimed, the board orders on file and the documents themselves. The doctor's page and
 * the queue both show it.
 */
export const DoctorCredentials = () => (
  <>
    <RegistryComparison />
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
        <BoardOrders />
      </Box>
    </Box>
    <DoctorDocuments />
  </>
);

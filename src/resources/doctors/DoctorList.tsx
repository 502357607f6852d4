import { DataTable } from 'react-admin';
import { verificationStatuses } from '../../domain/model';
import { CodeField } from '../../ui/CodeField';
import { Column } from '../../ui/Column';
import { DoctorName } from '../../ui/DoctorName';
import { LicenseExpiryField, LicenseStatusField } from '../../ui/LicenseFields';
import { ModerationList } from '../../ui/ModerationList';
import { RiskScore } from '../../ui/RiskScore';
import { ShowLink } from '../../ui/ShowLink';
import { StatusChip } from '../../ui/StatusChip';
import { YesNoField } from '../../ui/YesNoField';
import { doctorFilters } from './doctorFilters';

const DoctorList = () => (
  <ModerationList filters={doctorFilters} statusSource="verificationStatus" statuses={verificationStatuses}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="riskScore" align="right">
        <RiskScore />
      </Column>
      <Column source="verificationStatus">
        <StatusChip source="verificationStatus" />
      </Column>
      <Column source="name">
        <ShowLink>
          <DoctorName />
        </ShowLink>
      </Column>
      <Column source="specialty" />
      <Column source="npi">
        <CodeField source="npi" />
      </Column>
      <Column source="licenseState" />
      <Column source="licenseStatus">
        <LicenseStatusField />
      </Column>
      <Column source="licenseExpiresOn">
        <LicenseExpiryField />
      </Column>
      <Column source="board" />
      <Column source="boardCertified">
        <YesNoField source="boardCertified" />
      </Column>
    </DataTable>
  </ModerationList>
);

export default DoctorList;

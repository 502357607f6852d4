import { Box, Typography } from '@mui/material';
import { DataTable, useRecordContext, useTranslate } from 'react-admin';
import { verificationStatuses, type Doctor } from '../../domain/model';
import { CodeField } from '../../ui/CodeField';
import { Column } from '../../ui/Column';
import { DoctorName } from '../../ui/DoctorName';
import { FailedRuleChips } from '../../ui/FailedRuleChips';
import { LicenseExpiryField, LicenseStatusField } from '../../ui/LicenseFields';
import { ModerationList } from '../../ui/ModerationList';
import { RiskScore } from '../../ui/RiskScore';
import { ShowLink } from '../../ui/ShowLink';
import { StatusChip } from '../../ui/StatusChip';
import { ToneChip } from '../../ui/ToneChip';
import { doctorFilters, doctorPresets } from './doctorFilters';

/** The name a verifier opens, with the specialty the registry's taxonomy is checked against. */
const NameAndSpecialty = () => {
  const doctor = useRecordContext<Doctor>();
  if (!doctor) return null;
  return (
    <ShowLink>
      <DoctorName />
      <Typography variant="caption" color="text.secondary" component="div">
        {doctor.specialty}
      </Typography>
    </ShowLink>
  );
};

/** The board the doctor names, marked when they do not claim to be certified by it. */
const BoardField = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  if (!doctor) return null;
  return (
    <Box sx={{ minWidth: 150, maxWidth: 230 }}>
      <Typography
        variant="body2"
        component="div"
        title={doctor.board ?? undefined}
        sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
      >
        {doctor.board ?? '—'}
      </Typography>
      {!doctor.boardCertified && (
        <ToneChip tone="warning" label={translate('resources.doctors.list.not_certified')} />
      )}
    </Box>
  );
};

/**
 * The verifiers' queue: riskiest first, a tab per verification status and one for verified
 * doctors whose license is about to expire, each row with what a verifier checks first.
 */
const DoctorList = () => (
  <ModerationList
    filters={doctorFilters}
    statusSource="verificationStatus"
    statuses={verificationStatuses}
    presets={doctorPresets()}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="riskScore" align="right">
        <RiskScore />
      </Column>
      <Column source="ruleResults" label="verity.rules.failed" disableSort>
        <FailedRuleChips />
      </Column>
      <Column source="verificationStatus">
        <StatusChip source="verificationStatus" />
      </Column>
      <Column source="name">
        <NameAndSpecialty />
      </Column>
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
      <Column source="board">
        <BoardField />
      </Column>
    </DataTable>
  </ModerationList>
);

export default DoctorList;

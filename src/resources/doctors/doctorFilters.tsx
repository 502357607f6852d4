import { DateInput, NullableBooleanInput, SelectInput, useTranslate } from 'react-admin';
import { licenseStatuses } from '../../domain/model';
import { usStates } from '../../domain/usStates';
import { daysFromToday, licenseWarnDays } from '../../ui/LicenseFields';
import { failedRuleFilter, riskFilter, searchFilter } from '../../ui/filterInputs';
import type { ListPreset } from '../../ui/StatusTabs';

const stateChoices = usStates.map((state) => ({ id: state, name: state }));

const LicenseStatusInput = (props: { source: string }) => {
  const translate = useTranslate();
  const choices = licenseStatuses.map((status) => ({
    id: status,
    name: translate(`verity.licenseStatus.${status}`),
  }));
  return <SelectInput {...props} choices={choices} sx={{ minWidth: 150 }} />;
};

// The verification status is chosen with the status tabs above the table.
export const doctorFilters = [
  searchFilter,
  <SelectInput source="licenseState" choices={stateChoices} sx={{ minWidth: 90 }} />,
  <LicenseStatusInput source="licenseStatus" />,
  <DateInput source="licenseExpiresOn_lte" label="resources.doctors.filters.license_expires_by" />,
  <NullableBooleanInput source="boardCertified" />,
  failedRuleFilter('doctors'),
  riskFilter,
];

/**
 * Verified doctors whose license runs out within the warning window (or already has): the ones to
 * chase for a renewal before the daily sweep suspends them. The date is today's, so it is computed
 * when the list is shown.
 */
export const doctorPresets = (): ListPreset[] => [
  {
    value: 'license_expiring',
    label: 'resources.doctors.presets.license_expiring',
    filter: { verificationStatus: 'verified', licenseExpiresOn_lte: daysFromToday(licenseWarnDays) },
  },
];

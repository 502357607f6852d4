import { NullableBooleanInput, SelectInput, useTranslate } from 'react-admin';
import { licenseStatuses } from '../../domain/model';
import { usStates } from '../../domain/usStates';
import { riskFilter, searchFilter } from '../../ui/filterInputs';

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
  <NullableBooleanInput source="boardCertified" />,
  riskFilter,
];

import {
  AutocompleteInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  SelectInput,
  TextInput,
} from 'react-admin';
import { resourceNames } from '../../domain/resources';
import { searchFilter } from '../../ui/filterInputs';

const resourceChoices = resourceNames.map((name) => ({ id: name, name: `resources.${name}.name` }));

export const auditFilters = [
  searchFilter,
  <SelectInput source="resource" choices={resourceChoices} translateChoice sx={{ minWidth: 140 }} />,
  <NumberInput source="recordId" sx={{ width: 110 }} />,
  <ReferenceInput source="actorId" reference="moderators">
    <AutocompleteInput optionText="name" sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <TextInput source="action" sx={{ width: 140 }} />,
  <DateInput source="at_gte" label="verity.filters.at_from" />,
  <DateInput source="at_lte" label="verity.filters.at_to" />,
];

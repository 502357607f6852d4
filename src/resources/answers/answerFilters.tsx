import { AutocompleteInput, ReferenceInput } from 'react-admin';
import { createdRangeFilters, doctorFilter, riskFilter, searchFilter } from '../../ui/filterInputs';

export const answerFilters = [
  searchFilter,
  doctorFilter,
  <ReferenceInput source="questionId" reference="questions">
    <AutocompleteInput optionText="title" sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  ...createdRangeFilters,
  riskFilter,
];

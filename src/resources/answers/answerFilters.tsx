import { AutocompleteInput, ReferenceInput } from 'react-admin';
import {
  createdRangeFilters,
  doctorFilter,
  failedRuleFilter,
  riskRangeFilters,
  searchFilter,
} from '../../ui/filterInputs';

export const answerFilters = [
  searchFilter,
  doctorFilter,
  <ReferenceInput source="questionId" reference="questions">
    <AutocompleteInput optionText="title" sx={{ minWidth: 280 }} />
  </ReferenceInput>,
  ...createdRangeFilters,
  failedRuleFilter('answers'),
  ...riskRangeFilters,
];

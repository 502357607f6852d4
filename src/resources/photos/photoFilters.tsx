import {
  createdRangeFilters,
  doctorFilter,
  failedRuleFilter,
  procedureFilter,
  riskRangeFilters,
  searchFilter,
} from '../../ui/filterInputs';

export const photoFilters = [
  searchFilter,
  doctorFilter,
  procedureFilter,
  ...createdRangeFilters,
  failedRuleFilter('photos'),
  ...riskRangeFilters,
];

import {
  createdRangeFilters,
  doctorFilter,
  procedureFilter,
  riskRangeFilters,
  searchFilter,
} from '../../ui/filterInputs';

export const photoFilters = [
  searchFilter,
  doctorFilter,
  procedureFilter,
  ...createdRangeFilters,
  ...riskRangeFilters,
];

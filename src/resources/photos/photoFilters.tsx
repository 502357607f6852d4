import {
  createdRangeFilters,
  doctorFilter,
  procedureFilter,
  riskFilter,
  searchFilter,
} from '../../ui/filterInputs';

export const photoFilters = [searchFilter, doctorFilter, procedureFilter, ...createdRangeFilters, riskFilter];

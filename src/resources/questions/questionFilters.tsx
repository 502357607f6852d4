import { createdRangeFilters, procedureFilter, searchFilter } from '../../ui/filterInputs';

export const questionFilters = [searchFilter, procedureFilter, ...createdRangeFilters];

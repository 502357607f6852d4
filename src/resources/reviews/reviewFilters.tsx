import { SelectInput } from 'react-admin';
import {
  createdRangeFilters,
  doctorFilter,
  failedRuleFilter,
  procedureFilter,
  riskRangeFilters,
  searchFilter,
} from '../../ui/filterInputs';

const ratingChoices = [5, 4, 3, 2, 1].map((rating) => ({ id: rating, name: `${rating}/5` }));

export const reviewFilters = [
  searchFilter,
  doctorFilter,
  procedureFilter,
  <SelectInput source="rating" choices={ratingChoices} sx={{ minWidth: 110 }} />,
  ...createdRangeFilters,
  failedRuleFilter('reviews'),
  ...riskRangeFilters,
];

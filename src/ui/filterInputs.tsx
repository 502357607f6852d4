import {
  AutocompleteInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
} from 'react-admin';
import { procedures } from '../domain/model';

/**
 * Filter inputs that several lists offer, so "doctor", "procedure" or "created between" reads
 * and behaves the same on every screen. Each list's own xxxFilters.tsx picks from these.
 */

export const searchFilter = <SearchInput source="q" alwaysOn />;

export const doctorFilter = (
  <ReferenceInput source="doctorId" reference="doctors">
    <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>
);

const procedureChoices = procedures.map((procedure) => ({ id: procedure, name: procedure }));

export const procedureFilter = (
  <SelectInput source="procedure" choices={procedureChoices} sx={{ minWidth: 180 }} />
);

export const createdRangeFilters = [
  <DateInput source="createdAt_gte" label="verity.filters.created_from" />,
  <DateInput source="createdAt_lte" label="verity.filters.created_to" />,
];

export const riskFilter = (
  <NumberInput
    source="riskScore_gte"
    label="verity.filters.risk_at_least"
    min={0}
    max={100}
    sx={{ width: 130 }}
  />
);

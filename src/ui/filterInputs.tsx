import {
  AutocompleteInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  type SearchInputProps,
  SelectInput,
  useListContext,
  useTranslate,
} from 'react-admin';
import { countBound, formatCount } from '../domain/listQuery';
import { procedures } from '../domain/model';
import { rulesByType, type CheckedType } from '../domain/rules/registry';
import { shortRuleId } from './ruleDisplay';

/**
 * Filter inputs that several lists offer, so "doctor", "procedure" or "created between" reads
 * and behaves the same on every screen. Each list's own xxxFilters.tsx picks from these.
 */

/**
 * The search box, saying so when a search matched more records than a list looks through (the
 * server then lists the newest of them, and the total reads "10,000+").
 */
const BoundedSearchInput = (props: SearchInputProps) => {
  const { filterValues, total } = useListContext();
  const translate = useTranslate();
  const bounded = Boolean(filterValues.q) && (total ?? 0) > countBound;
  return (
    <SearchInput
      {...props}
      // The filter bar hides helper texts; this one is the list's only word that rows are missing.
      sx={{
        '&& .MuiFormHelperText-root': {
          display: 'block',
          color: 'warning.dark',
          whiteSpace: 'nowrap',
          mx: 0,
        },
      }}
      helperText={bounded ? translate('verity.search.bounded', { count: formatCount(countBound) }) : false}
    />
  );
};

export const searchFilter = <BoundedSearchInput source="q" alwaysOn />;

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

const riskBound = (source: string, label: string) => (
  <NumberInput source={source} label={label} min={0} max={100} sx={{ width: 130 }} />
);

export const riskFilter = riskBound('riskScore_gte', 'verity.filters.risk_at_least');

/** Risk between two bounds: "at least 50, at most 79" is the high band without the blocked items. */
export const riskRangeFilters = [riskFilter, riskBound('riskScore_lte', 'verity.filters.risk_at_most')];

/** The items whose current results fail one rule of their type. */
export const failedRuleFilter = (type: CheckedType) => (
  <SelectInput
    source="ruleId"
    label="verity.filters.failed_rule"
    choices={rulesByType[type].map((rule) => ({ id: rule.id, name: shortRuleId(rule.id) }))}
    sx={{ minWidth: 160 }}
  />
);

import EditIcon from '@mui/icons-material/EditOutlined';
import { Box, IconButton, Switch, Typography } from '@mui/material';
import { useState } from 'react';
import {
  DataTable,
  List,
  ReferenceField,
  SelectInput,
  useCanAccess,
  useRecordContext,
  useTranslate,
  type SelectInputProps,
} from 'react-admin';
import { checkedTypes } from '../../domain/rules/registry';
import { CodeField } from '../../ui/CodeField';
import { Column } from '../../ui/Column';
import { TimestampField } from '../../ui/Dates';
import { severityTone } from '../../ui/ruleDisplay';
import { ToneChip } from '../../ui/ToneChip';
import type { RuleRow } from './ruleRow';
import { RuleRunStatus } from './RuleRunStatus';
import { RuleSettingDialog } from './RuleSettingDialog';
import { useSaveRule } from './useSaveRule';

/** The content types that have rules, named as the menu names them. */
const TypeFilter = (props: Omit<SelectInputProps, 'choices'>) => {
  const translate = useTranslate();
  const choices = checkedTypes.map((type) => ({
    id: type,
    name: translate(`resources.${type}.name`, { smart_count: 2 }),
  }));
  return <SelectInput {...props} choices={choices} translateChoice={false} sx={{ minWidth: 160 }} />;
};

const ruleFilters = [<TypeFilter source="type" label="resources.rules.fields.type" alwaysOn />];

const useMayEdit = () => useCanAccess({ resource: 'rules', action: 'edit' }).canAccess === true;

const SeverityField = () => {
  const rule = useRecordContext<RuleRow>();
  const translate = useTranslate();
  if (!rule) return null;
  return (
    <ToneChip
      tone={severityTone[rule.severity]}
      label={translate(`verity.rules.severity.${rule.severity}`)}
    />
  );
};

/** On or off: a switch that saves at once for admins, a word for everyone else. */
const EnabledField = () => {
  const rule = useRecordContext<RuleRow>();
  const translate = useTranslate();
  const mayEdit = useMayEdit();
  const { save, saving } = useSaveRule();
  if (!rule) return null;
  if (!mayEdit) {
    return (
      <Typography variant="body2" color={rule.enabled ? 'text.primary' : 'text.secondary'}>
        {translate(rule.enabled ? 'verity.rules.on' : 'verity.rules.off')}
      </Typography>
    );
  }
  return (
    <Switch
      size="small"
      checked={rule.enabled}
      disabled={saving}
      onChange={(event) => save(rule, { enabled: event.target.checked, value: rule.value })}
      slotProps={{ input: { 'aria-label': translate('verity.rules.enabled_label', { id: rule.id }) } }}
    />
  );
};

/** The threshold in force and what it means; admins open the rule's form from here. */
const ThresholdField = () => {
  const rule = useRecordContext<RuleRow>();
  const translate = useTranslate();
  const mayEdit = useMayEdit();
  const [editing, setEditing] = useState(false);
  if (!rule) return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
      <Box sx={{ minWidth: 0 }}>
        {rule.threshold ? (
          <>
            <Typography variant="body2" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {rule.value ?? rule.threshold.default}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {rule.threshold.label}
            </Typography>
          </>
        ) : (
          <Typography variant="body2" color="text.secondary">
            —
          </Typography>
        )}
        {Object.entries(rule.tunables).map(([name, spec]) => (
          <Typography key={name} variant="caption" color="text.secondary" component="div">
            {spec.label}:{' '}
            <Box component="span" sx={{ color: 'text.primary', fontVariantNumeric: 'tabular-nums' }}>
              {rule.tuned[name] ?? spec.default}
            </Box>
          </Typography>
        ))}
      </Box>
      {mayEdit && (
        <IconButton
          size="small"
          aria-label={translate('verity.rules.edit_label', { id: rule.id })}
          onClick={() => setEditing(true)}
          sx={{ ml: 'auto' }}
        >
          <EditIcon fontSize="small" />
        </IconButton>
      )}
      {editing && <RuleSettingDialog rule={rule} onClose={() => setEditing(false)} />}
    </Box>
  );
};

/** Who last changed the rule's setting, and when; a rule never changed shows a dash. */
const ChangedField = () => {
  const rule = useRecordContext<RuleRow>();
  if (!rule) return null;
  return (
    <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'baseline', whiteSpace: 'nowrap' }}>
      {rule.updatedBy !== null && (
        <>
          <ReferenceField source="updatedBy" reference="moderators" link={false} />
          <Typography variant="body2" component="span" color="text.secondary" aria-hidden>
            ·
          </Typography>
        </>
      )}
      <TimestampField source="updatedAt" />
    </Box>
  );
};

/**
 * Every rule Verity runs, with its setting and how often it fired lately. Everyone may read
 * it; admins switch rules on and off and tune their thresholds, each change audited, and see
 * above the rules how far the re-check their change started has come.
 */
const RuleList = () => (
  <List filters={ruleFilters} sort={{ field: 'id', order: 'ASC' }} perPage={100} pagination={false}>
    <RuleRunStatus />
    <DataTable bulkActionButtons={false} rowClick={false}>
      <Column source="id">
        <CodeField source="id" />
      </Column>
      <Column source="severity">
        <SeverityField />
      </Column>
      <Column source="description" />
      <Column source="enabled">
        <EnabledField />
      </Column>
      <Column source="value" sx={{ minWidth: 200 }}>
        <ThresholdField />
      </Column>
      <Column source="firedLast30Days" align="right" />
      <Column source="updatedAt">
        <ChangedField />
      </Column>
    </DataTable>
  </List>
);

export default RuleList;

import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { ThresholdSpec } from '../../domain/rules/engine';
import type { RuleRow } from './ruleRow';
import { useSaveRule } from './useSaveRule';

/** Whether `text` is a number within `spec`'s bounds; the message to show when not. */
const numberError = (spec: ThresholdSpec, text: string): string | null => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return 'verity.rules.threshold_number';
  return value < spec.min || value > spec.max ? 'verity.rules.threshold_range' : null;
};

/** One number of the form: its meaning as the label, its bounds and default under it. */
const NumberField = ({
  spec,
  text,
  onChange,
}: {
  spec: ThresholdSpec;
  text: string;
  onChange: (text: string) => void;
}) => {
  const translate = useTranslate();
  const error = numberError(spec, text);
  return (
    <TextField
      label={spec.label}
      type="number"
      value={text}
      onChange={(event) => onChange(event.target.value)}
      error={error !== null}
      helperText={translate(error ?? 'verity.rules.threshold_bounds', {
        min: spec.min,
        max: spec.max,
        default: spec.default,
      })}
      slotProps={{ htmlInput: { min: spec.min, max: spec.max, step: 'any' } }}
      fullWidth
      sx={{ mt: 2 }}
    />
  );
};

/**
 * An admin's form for one rule: on or off, its threshold and any further numbers it judges by,
 * each within the bounds the rule declares. The same bounds are checked again by the server.
 */
export const RuleSettingDialog = ({ rule, onClose }: { rule: RuleRow; onClose: () => void }) => {
  const translate = useTranslate();
  const titleId = useId();
  const { save, saving } = useSaveRule();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [text, setText] = useState(String(rule.value ?? rule.threshold?.default ?? ''));
  const tunables = Object.entries(rule.tunables);
  const [tunedText, setTunedText] = useState<Record<string, string>>(
    Object.fromEntries(tunables.map(([name, spec]) => [name, String(rule.tuned[name] ?? spec.default)])),
  );
  const invalid =
    (rule.threshold !== null && numberError(rule.threshold, text) !== null) ||
    tunables.some(([name, spec]) => numberError(spec, tunedText[name]) !== null);
  const submit = () =>
    save(
      rule,
      {
        enabled,
        value: rule.threshold ? Number(text) : null,
        ...(tunables.length > 0
          ? { tuned: Object.fromEntries(tunables.map(([name]) => [name, Number(tunedText[name])])) }
          : {}),
      },
      onClose,
    );
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId} sx={{ fontFamily: 'monospace', pb: 0.5 }}>
        {rule.id}
      </DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {rule.description}
        </Typography>
        <FormControlLabel
          control={<Switch checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />}
          label={translate('resources.rules.fields.enabled')}
        />
        {rule.threshold && <NumberField spec={rule.threshold} text={text} onChange={setText} />}
        {tunables.map(([name, spec]) => (
          <NumberField
            key={name}
            spec={spec}
            text={tunedText[name]}
            onChange={(changed) => setTunedText((all) => ({ ...all, [name]: changed }))}
          />
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={invalid || saving} onClick={submit}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

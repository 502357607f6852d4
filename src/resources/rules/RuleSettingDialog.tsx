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
import type { RuleRow } from './ruleRow';
import { useSaveRule } from './useSaveRule';

/** Whether `text` is a number the rule accepts; the message to show when not. */
const thresholdError = (rule: RuleRow, text: string): string | null => {
  const { min, max } = rule.threshold!;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return 'verity.rules.threshold_number';
  return value < min || value > max ? 'verity.rules.threshold_range' : null;
};

/**
 * An admin's form for one rule: on or off, and its threshold within the bounds the rule declares.
 * The same bounds are checked again by the server.
 */
export const RuleSettingDialog = ({ rule, onClose }: { rule: RuleRow; onClose: () => void }) => {
  const translate = useTranslate();
  const titleId = useId();
  const { save, saving } = useSaveRule();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [text, setText] = useState(String(rule.value ?? rule.threshold?.default ?? ''));
  const error = rule.threshold ? thresholdError(rule, text) : null;
  const submit = () => save(rule, { enabled, value: rule.threshold ? Number(text) : null }, onClose);
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="xs" fullWidth>
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
        {rule.threshold && (
          <TextField
            label={rule.threshold.label}
            type="number"
            value={text}
            onChange={(event) => setText(event.target.value)}
            error={error !== null}
            helperText={translate(error ?? 'verity.rules.threshold_bounds', {
              min: rule.threshold.min,
              max: rule.threshold.max,
              default: rule.threshold.default,
            })}
            slotProps={{ htmlInput: { min: rule.threshold.min, max: rule.threshold.max, step: 'any' } }}
            fullWidth
            sx={{ mt: 2 }}
          />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={error !== null || saving} onClick={submit}>
          {translate('ra.action.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItemButton,
  ListItemText,
} from '@mui/material';
import { useState, type KeyboardEvent } from 'react';
import { useTranslate } from 'react-admin';
import { reasonsOf } from '../domain/reasons';
import type { DecisionAction, ModeratedResource } from '../domain/transitions';

/**
 * The reasons a rejection of this type may give, numbered: a digit picks one, Enter confirms,
 * Esc cancels. The author is told the picked reason's message, so it is shown with the label.
 * A doctor's suspension, or a request for more information, picks from the same catalogue.
 */
export const ReasonPicker = ({
  resource,
  action = 'reject',
  open,
  onConfirm,
  onCancel,
}: {
  resource: ModeratedResource;
  /** The action the reason is for: reject, or suspend and request_info for a doctor. */
  action?: DecisionAction;
  open: boolean;
  onConfirm: (reasonCode: string) => void;
  onCancel: () => void;
}) => {
  const translate = useTranslate();
  const reasons = reasonsOf(resource);
  const [picked, setPicked] = useState<string | null>(null);

  const close = () => {
    setPicked(null);
    onCancel();
  };
  const confirm = (code: string | null) => {
    if (!code) return;
    setPicked(null);
    onConfirm(code);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = Number(event.key) - 1;
    if (Number.isInteger(index) && index >= 0 && index < reasons.length) {
      event.preventDefault();
      setPicked(reasons[index].code);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      confirm(picked);
    }
  };

  return (
    <Dialog open={open} onClose={close} onKeyDown={onKeyDown} maxWidth="sm" fullWidth>
      <DialogTitle>
        {translate(`verity.decision.pick_reason_for.${action}`, {
          _: translate('verity.decision.pick_reason'),
        })}
      </DialogTitle>
      <DialogContent dividers sx={{ p: 0 }}>
        <List dense aria-label={translate('verity.decision.reasons')} role="listbox">
          {reasons.map((reason, index) => (
            <ListItemButton
              key={reason.code}
              role="option"
              aria-selected={picked === reason.code}
              selected={picked === reason.code}
              onClick={() => setPicked(reason.code)}
              onDoubleClick={() => confirm(reason.code)}
            >
              <Box
                component="kbd"
                sx={{ mr: 1.5, minWidth: 20, textAlign: 'center', fontFamily: 'monospace', fontWeight: 600 }}
              >
                {index + 1}
              </Box>
              <ListItemText
                primary={reason.label}
                secondary={reason.message}
                slotProps={{ secondary: { sx: { fontSize: '0.75rem' } } }}
              />
            </ListItemButton>
          ))}
        </List>
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" color="error" disabled={!picked} onClick={() => confirm(picked)}>
          {translate(`verity.decision.action.${action}`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

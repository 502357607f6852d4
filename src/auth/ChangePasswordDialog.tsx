import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { Form, PasswordInput, required, useNotify, useTranslate } from 'react-admin';
import { postJson } from '../providers/httpClient';
import { failureMessage } from './failureMessage';
import { NewPasswordInputs } from './NewPasswordInputs';

/** The signed-in moderator's own password; changing it signs out their other sessions. */
export const ChangePasswordDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    setFailure(null);
    try {
      await postJson('/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      notify('verity.auth.password_changed', { type: 'success' });
      close();
    } catch (error) {
      setFailure(failureMessage(error, translate, 'ra.notification.http_error'));
    } finally {
      setPending(false);
    }
  };

  return (
    <Dialog open={open} onClose={close} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <Form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{translate('verity.auth.change_password')}</DialogTitle>
        <DialogContent>
          <PasswordInput
            source="currentPassword"
            label="verity.auth.current_password"
            autoComplete="current-password"
            validate={required()}
          />
          <NewPasswordInputs source="newPassword" />
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('verity.auth.other_sessions_end')}
          </Typography>
          {failure && (
            <Alert severity="error" sx={{ mt: 1.5 }}>
              {failure}
            </Alert>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={close}>{translate('ra.action.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={pending}>
            {translate('verity.auth.change_password')}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};

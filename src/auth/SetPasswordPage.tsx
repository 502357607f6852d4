import { Alert, CardContent } from '@mui/material';
import { useState } from 'react';
import { AuthLayout, Form, useLocation, useNavigate, useNotify, useTranslate } from 'react-admin';
import { postJson } from '../providers/httpClient';
import { AuthHeader, authPageSx, SubmitButton } from './AuthPage';
import { failureMessage } from './failureMessage';
import { NewPasswordInputs } from './NewPasswordInputs';

/**
 * Where an invitation link leads (#/set-password?token=...): the invited moderator, not signed
 * in, chooses a password and then signs in with it.
 */
export const SetPasswordPage = () => {
  const token = new URLSearchParams(useLocation().search).get('token');
  const navigate = useNavigate();
  const notify = useNotify();
  const translate = useTranslate();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (values: Record<string, unknown>) => {
    setPending(true);
    setFailure(null);
    try {
      await postJson('/auth/set-password', { token, password: values.password });
      notify('verity.auth.password_set', { type: 'success' });
      navigate('/login');
    } catch (error) {
      setFailure(failureMessage(error, translate, 'ra.notification.http_error'));
      setPending(false);
    }
  };

  return (
    <AuthLayout sx={authPageSx}>
      <AuthHeader subtitle="verity.auth.set_password_subtitle" />
      {token ? (
        <Form onSubmit={submit} noValidate>
          <CardContent sx={{ px: 3, pb: 3 }}>
            <NewPasswordInputs source="password" />
            {failure && (
              <Alert severity="error" sx={{ mt: 1 }}>
                {failure}
              </Alert>
            )}
            <SubmitButton label="verity.auth.set_password" pending={pending} />
          </CardContent>
        </Form>
      ) : (
        <CardContent sx={{ px: 3, pb: 3 }}>
          <Alert severity="warning">{translate('verity.auth.missing_token')}</Alert>
        </CardContent>
      )}
    </AuthLayout>
  );
};

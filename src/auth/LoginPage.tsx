import { Alert, CardContent } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import {
  Form,
  Login,
  PasswordInput,
  required,
  TextInput,
  useLocation,
  useLogin,
  useLogout,
  useTranslate,
} from 'react-admin';
import { sessionEndedSearch } from '../providers/authProvider';
import { AuthHeader, authPageSx, SubmitButton } from './AuthPage';
import { failureMessage } from './failureMessage';

interface Credentials {
  username: string;
  password: string;
}

/**
 * Sign-in by email and password. A refusal stays on the form, in the server's words (a wrong
 * password and a locked account read differently), until the moderator tries again.
 */
const LoginForm = () => {
  const login = useLogin();
  const logout = useLogout();
  const translate = useTranslate();
  const sessionEnded = useLocation().search === sessionEndedSearch;
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  // A session that ended under the console (see authProvider.checkError) is forgotten here, now
  // that no screen of it is left to refetch: its cached records, permissions and saved filters.
  const forgotten = useRef(false);
  useEffect(() => {
    if (!sessionEnded || forgotten.current) return;
    forgotten.current = true;
    logout({}, false, false);
  }, [sessionEnded, logout]);

  const submit = async (values: Partial<Credentials>) => {
    setPending(true);
    setFailure(null);
    try {
      await login(values);
    } catch (error) {
      setFailure(failureMessage(error, translate, 'ra.auth.sign_in_error'));
      setPending(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
      <CardContent sx={{ px: 3, pb: 3 }}>
        {sessionEnded && (
          <Alert severity="info" sx={{ mb: 1 }}>
            {translate('ra.notification.logged_out')}
          </Alert>
        )}
        <TextInput
          autoFocus
          source="username"
          type="email"
          label="ra.auth.email"
          autoComplete="username"
          validate={required()}
        />
        <PasswordInput
          source="password"
          label="ra.auth.password"
          autoComplete="current-password"
          validate={required()}
        />
        {failure && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {failure}
          </Alert>
        )}
        <SubmitButton label="ra.auth.sign_in" pending={pending} />
      </CardContent>
    </Form>
  );
};

export const LoginPage = () => (
  <Login sx={authPageSx}>
    <AuthHeader subtitle="verity.auth.login_subtitle" />
    <LoginForm />
  </Login>
);

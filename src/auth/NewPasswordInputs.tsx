import { minLength, PasswordInput, required } from 'react-admin';
import { minPasswordLength } from '../domain/accounts';

const sameAs = (source: string) => (value: string | undefined, values: Record<string, unknown>) =>
  value && value !== values[source] ? 'verity.auth.passwords_differ' : undefined;

/** A new password, typed twice so that a typo does not lock its owner out. */
export const NewPasswordInputs = ({ source }: { source: string }) => (
  <>
    <PasswordInput
      source={source}
      label="verity.auth.new_password"
      autoComplete="new-password"
      validate={[required(), minLength(minPasswordLength)]}
      helperText="verity.auth.password_rule"
    />
    <PasswordInput
      source="confirmation"
      label="verity.auth.confirm_password"
      autoComplete="new-password"
      validate={[required(), sameAs(source)]}
    />
  </>
);

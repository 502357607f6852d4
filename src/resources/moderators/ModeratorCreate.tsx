import { useState } from 'react';
import {
  Create,
  email,
  maxLength,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRedirect,
} from 'react-admin';
import { roleChoices } from './roleChoices';
import { InviteDialog, type Invitation } from './InviteDialog';

/** Invites a moderator: the server answers with a set-password link, shown here once. */
const ModeratorCreate = () => {
  const redirect = useRedirect();
  const [invitation, setInvitation] = useState<Invitation | null>(null);

  return (
    <>
      <Create<Invitation>
        mutationOptions={{
          // The dialog is the confirmation; it replaces react-admin's toast and redirect.
          onSuccess: (created: Invitation) => setInvitation(created),
        }}
      >
        <SimpleForm defaultValues={{ role: 'moderator' }} sx={{ maxWidth: 480 }}>
          <TextInput source="name" validate={[required(), maxLength(120)]} />
          <TextInput source="email" type="email" validate={[required(), email(), maxLength(200)]} />
          <SelectInput source="role" choices={roleChoices} validate={required()} />
        </SimpleForm>
      </Create>
      {invitation && <InviteDialog invitation={invitation} onDone={() => redirect('list', 'moderators')} />}
    </>
  );
};

export default ModeratorCreate;

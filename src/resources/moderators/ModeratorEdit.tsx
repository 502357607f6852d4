import {
  BooleanInput,
  Edit,
  maxLength,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  useGetIdentity,
  useRecordContext,
} from 'react-admin';
import type { Moderator } from '../../domain/model';
import { roleChoices } from './roleChoices';

/**
 * The server refuses to let an admin drop their own admin role or deactivate themselves (someone
 * must be left to undo a mistake), so on their own record those inputs are shown but locked.
 */
const RoleAndActiveInputs = () => {
  const moderator = useRecordContext<Moderator>();
  const { identity } = useGetIdentity();
  const own = moderator !== undefined && identity?.id === moderator.id;
  const helperText = own ? 'verity.moderators.own_record' : false;
  return (
    <>
      <SelectInput
        source="role"
        choices={roleChoices}
        validate={required()}
        disabled={own}
        helperText={helperText}
      />
      <BooleanInput
        source="active"
        disabled={own}
        helperText={own ? false : 'verity.moderators.deactivate_hint'}
      />
    </>
  );
};

// Moderators are deactivated, never deleted: their decisions in the audit log keep their name.
const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

// Pessimistic: a refusal (the last active admin) must show before the list claims the change.
const ModeratorEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm toolbar={<SaveOnlyToolbar />} sx={{ maxWidth: 480 }}>
      <TextInput source="email" readOnly />
      <TextInput source="name" validate={[required(), maxLength(120)]} />
      <RoleAndActiveInputs />
    </SimpleForm>
  </Edit>
);

export default ModeratorEdit;

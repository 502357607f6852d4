import { Typography } from '@mui/material';
import {
  AutocompleteInput,
  BooleanInput,
  Create,
  FileField,
  FileInput,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { type Photo, photoMediaTypes, procedures } from '../../domain/model';

const procedureChoices = procedures.map((name) => ({ id: name, name }));
const accept = { 'image/*': ['.jpg', '.jpeg', '.png', '.webp', '.heic', '.heif'] };

/**
 * Uploading a pair from the console, as the site does (multipart): the server judges the files by
 * their bytes, and the pair arrives checked, so the page it opens on shows what the rules found.
 */
const PhotoCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      title="verity.photos.upload.title"
      mutationOptions={{
        onSuccess: (photo: Photo) => {
          notify('verity.photos.upload.uploaded', { messageArgs: { score: photo.riskScore } });
          redirect('show', 'photos', photo.id);
        },
      }}
    >
      <SimpleForm>
        <ReferenceInput source="doctorId" reference="doctors">
          <AutocompleteInput optionText="name" validate={required()} sx={{ minWidth: 320 }} />
        </ReferenceInput>
        <SelectInput source="procedure" choices={procedureChoices} validate={required()} />
        <TextInput source="caption" multiline minRows={2} validate={required()} fullWidth />
        <NumberInput source="monthsAfterTreatment" min={0} max={120} step={1} />
        <BooleanInput source="consentOnFile" defaultValue={false} />
        <Typography variant="caption" color="text.secondary">
          {translate('verity.photos.upload.accepted')} ({photoMediaTypes.join(', ')})
        </Typography>
        {(['before', 'after'] as const).map((side) => (
          <FileInput
            key={side}
            source={side}
            label={`verity.photos.upload.${side}`}
            accept={accept}
            validate={required()}
          >
            <FileField source="src" title="title" />
          </FileInput>
        ))}
      </SimpleForm>
    </Create>
  );
};

export default PhotoCreate;

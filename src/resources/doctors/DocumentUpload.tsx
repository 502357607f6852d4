import UploadIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, MenuItem, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useDataProvider, useNotify, useRefresh, useTranslate, type Identifier } from 'react-admin';
import { documentKinds, documentMediaTypes, type DocumentKind } from '../../domain/model';
import type { VerityDataProvider } from '../../providers/dataProvider';

/**
 * Adds a credential document to the doctor's file: its kind, then the file. The server reads the
 * bytes to decide what the file is and refuses what it will not keep (too large, not a PDF or an
 * image); its refusal stays on screen, worded as it gave it, until the next try.
 */
export const DocumentUpload = ({ doctorId }: { doctorId: Identifier }) => {
  const dataProvider = useDataProvider<VerityDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileLabelId = useId();
  const [kind, setKind] = useState<DocumentKind>('license');
  const [file, setFile] = useState<File | null>(null);

  const upload = useMutation({
    mutationFn: () => dataProvider.uploadDocument(doctorId, kind, file!),
    onSuccess: () => {
      notify('resources.doctors.documents.uploaded', { type: 'success', messageArgs: { name: file!.name } });
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      refresh();
    },
  });

  return (
    <Box component="form" onSubmit={(event) => event.preventDefault()} sx={{ mt: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          variant="outlined"
          fullWidth={false}
          margin="none"
          label={translate('resources.doctors.documents.kind')}
          value={kind}
          onChange={(event) => setKind(event.target.value as DocumentKind)}
          sx={{ minWidth: 190 }}
        >
          {documentKinds.map((option) => (
            <MenuItem key={option} value={option}>
              {translate(`resources.doctors.documents.kinds.${option}`)}
            </MenuItem>
          ))}
        </TextField>
        {/* A real button opening the hidden input: a <label> dressed as a button is none to a screen reader. */}
        <Button
          variant="outlined"
          color="inherit"
          size="small"
          aria-describedby={fileLabelId}
          onClick={() => fileInput.current?.click()}
        >
          {translate('resources.doctors.documents.choose')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept={documentMediaTypes.join(',')}
          aria-label={translate('resources.doctors.documents.choose')}
          onChange={(event) => {
            upload.reset();
            setFile(event.target.files?.[0] ?? null);
          }}
        />
        <Typography
          id={fileLabelId}
          variant="body2"
          color="text.secondary"
          sx={{
            minWidth: 0,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            maxWidth: 260,
          }}
        >
          {file ? file.name : translate('resources.doctors.documents.no_file')}
        </Typography>
        <Button
          type="submit"
          variant="contained"
          size="small"
          startIcon={<UploadIcon fontSize="small" />}
          disabled={!file || upload.isPending}
          onClick={() => upload.mutate()}
        >
          {translate(
            upload.isPending ? 'resources.doctors.documents.uploading' : 'resources.doctors.documents.upload',
          )}
        </Button>
        <Typography variant="caption" color="text.secondary">
          {translate('resources.doctors.documents.accepted')}
        </Typography>
      </Box>
      {upload.isError && (
        <Alert severity="error" variant="outlined" sx={{ mt: 1 }}>
          {translate('resources.doctors.documents.refused', { name: file?.name ?? '' })}{' '}
          {(upload.error as Error).message}
        </Alert>
      )}
    </Box>
  );
};

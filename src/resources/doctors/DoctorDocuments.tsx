import OpenIcon from '@mui/icons-material/OpenInNew';
import { Box, Link, Typography } from '@mui/material';
import {
  RecordContextProvider,
  ReferenceField,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { Doctor, DoctorDocument } from '../../domain/model';
import { documentUrl } from '../../providers/dataProvider';
import { TimestampField } from '../../ui/Dates';
import { Section } from '../../ui/Section';
import { ToneChip } from '../../ui/ToneChip';
import { DocumentUpload } from './DocumentUpload';

const previewHeight = 240;

/** 812 B, 245 KB, 3.4 MB: the size limit is 10 MiB, so the units are binary ones. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The document itself, as the browser shows it: an image as an image, a PDF in the browser's viewer. */
const Preview = ({ document, url, title }: { document: DoctorDocument; url: string; title: string }) => {
  const frame = {
    height: previewHeight,
    width: '100%',
    display: 'block',
    border: 0,
    borderRadius: 1,
    bgcolor: 'action.hover',
  } as const;
  // An iframe, not an <object>: the console's content security policy allows no plugins
  // (object-src 'none') but frames of its own origin, and the browser's PDF viewer opens in one.
  if (document.mediaType === 'application/pdf') {
    return <Box component="iframe" src={url} title={title} sx={frame} />;
  }
  return (
    <Box
      component="a"
      href={url}
      target="_blank"
      rel="noopener"
      sx={{ ...frame, display: 'flex', alignItems: 'center', justifyContent: 'center', overflow: 'hidden' }}
    >
      <Box
        component="img"
        src={url}
        alt={title}
        loading="lazy"
        sx={{ maxWidth: '100%', maxHeight: previewHeight, objectFit: 'contain' }}
      />
    </Box>
  );
};

const DocumentTile = ({ doctorId, document }: { doctorId: Doctor['id']; document: DoctorDocument }) => {
  const translate = useTranslate();
  const url = documentUrl(doctorId, document.id);
  const kind = translate(`resources.doctors.documents.kinds.${document.kind}`, { _: document.kind });
  const title = translate('resources.doctors.documents.preview', { kind, name: document.fileName });
  return (
    <RecordContextProvider value={document}>
      <Box
        component="li"
        aria-label={`${kind}: ${document.fileName}`}
        sx={{ display: 'grid', gap: 0.75, alignContent: 'start', minWidth: 0 }}
      >
        <Preview document={document} url={url} title={title} />
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
          <ToneChip tone="neutral" label={kind} />
          <Typography
            variant="body2"
            component="span"
            title={document.fileName}
            sx={{ fontWeight: 500, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
          >
            {document.fileName}
          </Typography>
          <Link
            href={url}
            target="_blank"
            rel="noopener"
            variant="body2"
            aria-label={translate('resources.doctors.documents.open_named', { name: document.fileName })}
            sx={{ ml: 'auto', display: 'inline-flex', alignItems: 'center', gap: 0.25, flexShrink: 0 }}
          >
            {translate('resources.doctors.documents.open')}
            <OpenIcon sx={{ fontSize: '0.9rem' }} aria-hidden />
          </Link>
        </Box>
        <Typography variant="caption" color="text.secondary" component="div">
          {fileSize(document.byteLength)} · {translate('resources.doctors.documents.uploaded_at')}{' '}
          <TimestampField source="uploadedAt" sx={{ fontSize: 'inherit', color: 'inherit' }} />
          {document.uploadedBy !== null && (
            <>
              {' '}
              {translate('resources.doctors.documents.by')}{' '}
              <ReferenceField
                source="uploadedBy"
                reference="moderators"
                link={false}
                sx={{ '& .MuiTypography-root': { fontSize: 'inherit', color: 'inherit' } }}
              />
            </>
          )}
        </Typography>
      </Box>
    </RecordContextProvider>
  );
};

/**
 * The documents on file (license, board certificate, ID...), each shown as itself so the verifier
 * reads the license number off the scan, and, for those who may update doctors, adding one.
 */
export const DoctorDocuments = () => {
  const doctor = useRecordContext<Doctor>();
  const translate = useTranslate();
  const { canAccess: mayUpload } = useCanAccess({ action: 'edit', resource: 'doctors' });
  if (!doctor) return null;
  const documents = doctor.documents ?? [];
  return (
    <Section title="resources.doctors.section.documents">
      {documents.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('resources.doctors.section.no_documents')}
        </Typography>
      ) : (
        <Box
          component="ul"
          aria-label={translate('resources.doctors.section.documents')}
          sx={{
            listStyle: 'none',
            m: 0,
            p: 0,
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
            gap: 2,
          }}
        >
          {documents.map((document) => (
            <DocumentTile key={document.id} doctorId={doctor.id} document={document} />
          ))}
        </Box>
      )}
      {mayUpload && <DocumentUpload doctorId={doctor.id} />}
    </Section>
  );
};

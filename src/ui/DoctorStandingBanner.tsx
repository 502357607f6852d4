import { Alert } from '@mui/material';
import { Link, useCreatePath, useRecordContext, useReference, useTranslate } from 'react-admin';
import type { Doctor } from '../domain/model';

/**
 * Says, above an answer, review or photo pair, when the doctor it belongs to is not verified or is
 * suspended: that changes what a moderator may do with it (an answer by an unverified doctor is
 * held from approval) and what the site shows beside it. Nothing for a verified doctor. The doctor
 * is read through react-admin's reference fetch, shared with the doctor card on the same page.
 */
export const DoctorStandingBanner = ({ kind }: { kind: 'answers' | 'reviews' | 'photos' }) => {
  const record = useRecordContext<{ id: number; doctorId?: number }>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { referenceRecord: doctor } = useReference<Doctor>({
    reference: 'doctors',
    id: record?.doctorId ?? '',
    options: { enabled: record?.doctorId !== undefined },
  });
  if (!doctor || doctor.verificationStatus === 'verified') return null;
  const suspended = doctor.verificationStatus === 'suspended';
  const name = `${doctor.name}, ${doctor.credential}`;
  const standing = translate(`verity.status.${doctor.verificationStatus}`).toLowerCase();
  return (
    <Alert
      severity={suspended || doctor.verificationStatus === 'rejected' ? 'error' : 'warning'}
      variant="outlined"
      action={
        <Link
          to={createPath({ resource: 'doctors', id: doctor.id, type: 'show' })}
          variant="body2"
          sx={{ whiteSpace: 'nowrap', alignSelf: 'center' }}
        >
          {translate('verity.doctor_standing.open_credentials')}
        </Link>
      }
    >
      {translate(`verity.doctor_standing.${suspended ? 'suspended' : 'not_verified'}.${kind}`, {
        name,
        standing,
      })}
    </Alert>
  );
};

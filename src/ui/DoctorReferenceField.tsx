import { ReferenceField } from 'react-admin';
import { DoctorName } from './DoctorName';

/** The author of an answer, review or photo pair, linking to the doctor's credentials. */
export const DoctorReferenceField = ({ source = 'doctorId' }: { source?: string }) => (
  <ReferenceField source={source} reference="doctors" link="show">
    <DoctorName />
  </ReferenceField>
);

import DoctorIcon from '@mui/icons-material/MedicalServices';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./DoctorList')),
  show: lazy(() => import('./DoctorShow')),
  icon: DoctorIcon,
  recordRepresentation: 'name',
};

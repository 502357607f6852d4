import ReviewIcon from '@mui/icons-material/RateReview';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ReviewList')),
  show: lazy(() => import('./ReviewShow')),
  icon: ReviewIcon,
  recordRepresentation: 'title',
};

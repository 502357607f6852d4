import QuestionIcon from '@mui/icons-material/HelpOutline';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./QuestionList')),
  show: lazy(() => import('./QuestionShow')),
  icon: QuestionIcon,
  recordRepresentation: 'title',
};

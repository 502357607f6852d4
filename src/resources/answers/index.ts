import AnswerIcon from '@mui/icons-material/QuestionAnswer';
import { lazy } from 'react';
import type { Answer } from '../../domain/model';

export default {
  list: lazy(() => import('./AnswerList')),
  show: lazy(() => import('./AnswerShow')),
  icon: AnswerIcon,
  recordRepresentation: (answer: Answer) => `#${answer.id}`,
};

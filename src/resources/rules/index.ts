import RuleIcon from '@mui/icons-material/Rule';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./RuleList')),
  icon: RuleIcon,
  recordRepresentation: 'id',
};

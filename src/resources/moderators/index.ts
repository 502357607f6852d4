import ModeratorIcon from '@mui/icons-material/ManageAccountsOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ModeratorList')),
  create: lazy(() => import('./ModeratorCreate')),
  edit: lazy(() => import('./ModeratorEdit')),
  icon: ModeratorIcon,
  recordRepresentation: 'name',
};

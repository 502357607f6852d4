import PhotoIcon from '@mui/icons-material/PhotoLibrary';
import { lazy } from 'react';
import type { Photo } from '../../domain/model';

export default {
  list: lazy(() => import('./PhotoList')),
  show: lazy(() => import('./PhotoShow')),
  create: lazy(() => import('./PhotoCreate')),
  icon: PhotoIcon,
  recordRepresentation: (photo: Photo) => `#${photo.id} · ${photo.procedure}`,
};

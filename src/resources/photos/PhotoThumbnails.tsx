import { Box } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Photo } from '../../domain/model';

const thumbnailSize = 56;

/** The pair at a glance in a list row: before, then after. */
export const PhotoThumbnails = () => {
  const photo = useRecordContext<Photo>();
  const translate = useTranslate();
  if (!photo) return null;
  const alt = (side: 'before' | 'after') =>
    translate(`resources.photos.image.${side}_alt`, { procedure: photo.procedure, id: photo.id });
  return (
    <Box sx={{ display: 'flex', gap: 0.5 }}>
      {(['before', 'after'] as const).map((side) => (
        <Box
          key={side}
          component="img"
          src={photo[side].thumbnailUrl}
          alt={alt(side)}
          width={thumbnailSize}
          height={thumbnailSize}
          loading="lazy"
          sx={{ objectFit: 'cover', borderRadius: 1, bgcolor: 'action.hover', display: 'block' }}
        />
      ))}
    </Box>
  );
};

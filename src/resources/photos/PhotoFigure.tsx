import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Photo, PhotoImage } from '../../domain/model';
import { CodeField } from '../../ui/CodeField';
import { Fact, Facts } from '../../ui/Facts';

/** The EXIF values present among `keys`, joined ("Apple iPhone 14"); a dash when none is. */
const exifText = (exif: PhotoImage['exif'], ...keys: string[]) =>
  keys
    .map((key) => exif?.[key])
    .filter((value) => value !== undefined && value !== '')
    .join(' ') || '—';

/**
 * One side of the pair at a size where faces and skin can be compared, with what its original
 * file says about itself: a camera and date that disagree with the other side are a tell.
 */
export const PhotoFigure = ({ side }: { side: 'before' | 'after' }) => {
  const photo = useRecordContext<Photo>();
  const translate = useTranslate();
  if (!photo) return null;
  const image = photo[side];
  return (
    <Box component="figure" sx={{ m: 0, flex: '1 1 0', minWidth: 0 }}>
      <Typography variant="subtitle2" component="figcaption" sx={{ mb: 0.5 }}>
        {translate(`resources.photos.image.${side}`)}
      </Typography>
      <Box
        component="img"
        src={image.url}
        alt={translate(`resources.photos.image.${side}_alt`, { procedure: photo.procedure, id: photo.id })}
        width={image.width}
        height={image.height}
        sx={{
          display: 'block',
          width: '100%',
          height: 'auto',
          maxHeight: 480,
          objectFit: 'contain',
          bgcolor: 'action.hover',
          borderRadius: 1,
          mb: 1,
        }}
      />
      <Facts>
        <Fact label="resources.photos.image.dimensions">
          {image.width} × {image.height}
        </Fact>
        {image.exif ? (
          <>
            <Fact label="resources.photos.image.camera">{exifText(image.exif, 'Make', 'Model')}</Fact>
            <Fact label="resources.photos.image.software">{exifText(image.exif, 'Software')}</Fact>
            <Fact label="resources.photos.image.taken">
              {exifText(image.exif, 'DateTimeOriginal').replace('T', ' ')}
            </Fact>
          </>
        ) : (
          <Fact label="resources.photos.image.camera">{translate('resources.photos.image.no_exif')}</Fact>
        )}
        <Fact label="resources.photos.image.sha256">
          <CodeField source={`${side}.sha256`} />
        </Fact>
        <Fact label="resources.photos.image.phash">
          <CodeField source={`${side}.phash`} />
        </Fact>
      </Facts>
    </Box>
  );
};

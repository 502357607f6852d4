import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { type Photo, type PhotoImage, type PhotoSide, photoSides } from '../../domain/model';
import { failedResults, ruleResultsOf, severityTone } from '../../ui/ruleDisplay';
import { toneColors, type Tone } from '../../ui/tones';

/**
 * What each original file says about itself, before beside after: when it was taken, by which
 * camera, saved by which software, at what size. A field a failed rule pointed at is marked with
 * that rule, so "Facetune" or an after photo dated first stands out at a glance.
 */

type Row = 'taken' | 'camera' | 'software' | 'dimensions' | 'file' | 'sha256' | 'phash';
const rows: Row[] = ['taken', 'camera', 'software', 'dimensions', 'file', 'sha256', 'phash'];

/** Which row shows each field a rule can point at. */
const rowOfField: Record<string, Row> = {
  DateTimeOriginal: 'taken',
  CreateDate: 'taken',
  Make: 'camera',
  Model: 'camera',
  Software: 'software',
  dimensions: 'dimensions',
};

const exifText = (exif: PhotoImage['exif'], ...keys: string[]) =>
  keys
    .map((key) => exif?.[key])
    .filter((value) => value !== undefined && value !== '')
    .join(' ');

function valueOf(image: PhotoImage, row: Row): string {
  switch (row) {
    case 'taken':
      return (exifText(image.exif, 'DateTimeOriginal') || exifText(image.exif, 'CreateDate')).replace(
        'T',
        ' ',
      );
    case 'camera':
      return exifText(image.exif, 'Make', 'Model');
    case 'software':
      return exifText(image.exif, 'Software');
    case 'dimensions':
      return `${image.width} × ${image.height}`;
    case 'file':
      return `${image.mediaType.replace('image/', '').toUpperCase()}, ${Math.max(1, Math.round(image.byteLength / 1024))} KB`;
    case 'sha256':
      return image.sha256;
    case 'phash':
      return image.phash;
  }
}

interface Mark {
  ruleId: string;
  tone: Tone;
}

export const PhotoExif = () => {
  const photo = useRecordContext<Photo>();
  const translate = useTranslate();
  if (!photo) return null;
  const marks = new Map<string, Mark[]>();
  for (const result of failedResults(ruleResultsOf(photo))) {
    for (const field of result.evidence?.fields ?? []) {
      const row = field.field === 'EXIF' ? 'column' : rowOfField[field.field];
      if (!row) continue;
      const key = `${field.side}:${row}`;
      const list = marks.get(key) ?? [];
      if (!list.some((mark) => mark.ruleId === result.ruleId))
        list.push({ ruleId: result.ruleId, tone: severityTone[result.severity] });
      marks.set(key, list);
    }
  }
  const cell = (side: PhotoSide, row: Row) => {
    const image = photo[side];
    const value = valueOf(image, row);
    const found = marks.get(`${side}:${row}`) ?? [];
    const exifRow = row === 'taken' || row === 'camera' || row === 'software';
    const shown = value || (exifRow && !image.exif ? translate('resources.photos.image.no_exif') : '—');
    return (
      <TableCell
        key={side}
        data-flagged={found.length > 0 || undefined}
        sx={(theme) => ({
          ...(found.length > 0
            ? { ...toneColors(theme.palette.mode, found[0].tone), borderColor: 'divider' }
            : {}),
          ...(row === 'sha256' || row === 'phash'
            ? { fontFamily: 'monospace', fontSize: '0.75rem', overflowWrap: 'anywhere' }
            : {}),
        })}
      >
        {shown}
        {found.map((mark) => (
          <Typography
            key={mark.ruleId}
            component="span"
            variant="caption"
            sx={{ ml: 1, fontFamily: 'monospace', fontWeight: 600 }}
          >
            {mark.ruleId}
          </Typography>
        ))}
      </TableCell>
    );
  };
  return (
    <Table size="small" aria-label={translate('verity.photos.exif.title')} sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: 150 }}>{translate('verity.photos.exif.field')}</TableCell>
          {photoSides.map((side) => {
            const bare = marks.get(`${side}:column`);
            return (
              <TableCell key={side}>
                {translate(`resources.photos.image.${side}`)}
                {bare && (
                  <Box component="span" sx={{ ml: 1, color: 'text.secondary', fontWeight: 400 }}>
                    {translate('resources.photos.image.no_exif')} · {bare[0].ruleId}
                  </Box>
                )}
              </TableCell>
            );
          })}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row}>
            <TableCell component="th" scope="row" sx={{ color: 'text.secondary' }}>
              {translate(`verity.photos.exif.rows.${row}`)}
            </TableCell>
            {photoSides.map((side) => cell(side, row))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

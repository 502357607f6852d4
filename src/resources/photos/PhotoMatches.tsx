import { Box, CircularProgress, Typography } from '@mui/material';
import { Link, useCreatePath, useGetManyAggregate, useRecordContext, useTranslate } from 'react-admin';
import type { Doctor, Photo, PhotoSide } from '../../domain/model';
import { photoSides } from '../../domain/model';
import type { RelatedItem } from '../../domain/rules/engine';
import { TimestampField } from '../../ui/Dates';
import { failedResults, ruleResultsOf } from '../../ui/ruleDisplay';

/**
 * The evidence of PH_DUP and PH_MIRROR: each other pair whose images match this one's, shown
 * beside it, the matching images outlined, with who posted it, when, and how many of the 64 bits
 * differ. A mirrored match is shown flipped back, so the two line up.
 */

type Match = NonNullable<RelatedItem['image']> & { ruleId: string };

export function matchesOf(photo: Photo | undefined): { id: number; doctorId?: number; matches: Match[] }[] {
  const byPair = new Map<number, { id: number; doctorId?: number; matches: Match[] }>();
  for (const result of failedResults(ruleResultsOf(photo))) {
    if (result.ruleId !== 'PH_DUP' && result.ruleId !== 'PH_MIRROR') continue;
    for (const item of result.evidence?.related ?? []) {
      if (item.resource !== 'photos' || !item.image) continue;
      const entry = byPair.get(item.id) ?? { id: item.id, doctorId: item.doctorId, matches: [] };
      entry.matches.push({ ...item.image, ruleId: result.ruleId });
      byPair.set(item.id, entry);
    }
  }
  return [...byPair.values()];
}

export const PhotoMatches = () => {
  const photo = useRecordContext<Photo>();
  const translate = useTranslate();
  const pairs = matchesOf(photo);
  if (!photo || pairs.length === 0) return null;
  return (
    <Box
      component="ul"
      aria-label={translate('verity.photos.matches.title')}
      sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 2 }}
    >
      {pairs.map((pair) => (
        <MatchingPair
          key={pair.id}
          photo={photo}
          otherId={pair.id}
          doctorId={pair.doctorId}
          matches={pair.matches}
        />
      ))}
    </Box>
  );
};

const thumbnailHeight = 150;

const MatchingPair = ({
  photo,
  otherId,
  doctorId,
  matches,
}: {
  photo: Photo;
  otherId: number;
  doctorId?: number;
  matches: Match[];
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  // A reused image can match dozens of pairs: their pairs and doctors come in one request each,
  // not one per match, so the next queue item is not stuck behind them.
  const { data: others, error, isPending } = useGetManyAggregate<Photo>('photos', { ids: [otherId] });
  const other = others?.[0];
  const postedBy = doctorId ?? other?.doctorId;
  const { data: doctors } = useGetManyAggregate<Doctor>(
    'doctors',
    { ids: postedBy === undefined ? [] : [postedBy] },
    { enabled: postedBy !== undefined },
  );
  const doctor = doctors?.[0];
  const anotherDoctor = postedBy !== photo.doctorId;
  const mine = (side: PhotoSide) => matches.find((m) => m.side === side);
  const theirs = (side: PhotoSide) => matches.find((m) => m.otherSide === side);
  const describe = (match: Match) =>
    translate('verity.photos.matches.match', {
      side: translate(`resources.photos.image.${match.side}`).toLowerCase(),
      other: translate(`resources.photos.image.${match.otherSide}`).toLowerCase(),
      smart_count: match.distance,
    }) +
    (match.sameBytes ? ` · ${translate('verity.photos.matches.same_bytes')}` : '') +
    (match.mirrored ? ` · ${translate('verity.photos.matches.mirrored')}` : '');
  const title = translate('verity.photos.matches.pair', { id: otherId });
  return (
    <Box
      component="li"
      aria-label={title}
      sx={{ borderLeft: 3, borderColor: anotherDoctor ? 'error.main' : 'warning.main', pl: 1.5 }}
    >
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: 1, mb: 0.5 }}>
        <Link to={createPath({ resource: 'photos', id: otherId, type: 'show' })} variant="subtitle2">
          {title}
        </Link>
        <Typography variant="body2" component="span">
          {doctor ? `${doctor.name}, ${doctor.credential}` : ''}
          {` · ${translate(anotherDoctor ? 'verity.photos.matches.another_doctor' : 'verity.photos.matches.same_doctor')}`}
        </Typography>
        {other && (
          <Typography variant="body2" component="span" color="text.secondary">
            {translate('verity.photos.matches.posted')} <TimestampField source="createdAt" record={other} />
          </Typography>
        )}
      </Box>
      <Typography variant="body2" sx={{ mb: 1, fontVariantNumeric: 'tabular-nums' }}>
        {matches.map(describe).join('; ')}
      </Typography>
      {error || (!isPending && !other) ? (
        <Typography variant="body2" color="error">
          {translate('verity.photos.matches.unavailable')}
        </Typography>
      ) : !other ? (
        <CircularProgress size={20} aria-label={translate('ra.page.loading')} />
      ) : (
        <Box
          sx={{
            display: 'grid',
            gridTemplateColumns: 'auto 1fr',
            columnGap: 1.5,
            rowGap: 1,
            alignItems: 'center',
          }}
        >
          <Typography variant="caption" color="text.secondary">
            {translate('verity.photos.matches.this_pair')}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1 }}>
            {photoSides.map((side) => (
              <Thumbnail
                key={side}
                src={photo[side].thumbnailUrl}
                alt={translate(`resources.photos.image.${side}_alt`, {
                  procedure: photo.procedure,
                  id: photo.id,
                })}
                outlined={!!mine(side)}
              />
            ))}
          </Box>
          <Typography variant="caption" color="text.secondary">
            {title}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1 }}>
            {photoSides.map((side) => (
              <Thumbnail
                key={side}
                src={other[side].thumbnailUrl}
                alt={translate(`resources.photos.image.${side}_alt`, {
                  procedure: other.procedure,
                  id: other.id,
                })}
                outlined={!!theirs(side)}
                flipped={!!theirs(side)?.mirrored}
              />
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
};

const Thumbnail = ({
  src,
  alt,
  outlined,
  flipped = false,
}: {
  src: string;
  alt: string;
  outlined: boolean;
  flipped?: boolean;
}) => (
  <Box
    component="img"
    src={src}
    alt={alt}
    loading="lazy"
    sx={{
      height: thumbnailHeight,
      width: 'auto',
      maxWidth: 200,
      objectFit: 'contain',
      borderRadius: 1,
      bgcolor: 'action.hover',
      outline: outlined ? '3px solid' : 'none',
      outlineColor: 'error.main',
      outlineOffset: 1,
      transform: flipped ? 'scaleX(-1)' : undefined,
    }}
  />
);

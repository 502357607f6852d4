import QueueIcon from '@mui/icons-material/PlaylistPlay';
import SecondReviewIcon from '@mui/icons-material/FactCheckOutlined';
import { Box } from '@mui/material';
import type { ComponentType } from 'react';
import { CanAccess, Menu as RaMenu, useGetList, useTranslate } from 'react-admin';
import { formatTotal } from '../domain/listQuery';
import type { Guarded } from '../domain/permissions';
import answers from '../resources/answers';
import audit from '../resources/audit';
import doctors from '../resources/doctors';
import moderators from '../resources/moderators';
import photos from '../resources/photos';
import questions from '../resources/questions';
import reviews from '../resources/reviews';
import rules from '../resources/rules';
import settings from '../resources/settings';

type StatusField = 'status' | 'verificationStatus';

/** How many records of a moderated resource wait for a decision (doctors: for verification). */
const PendingCount = ({ resource, statusField }: { resource: Guarded; statusField: StatusField }) => {
  const translate = useTranslate();
  const { total } = useGetList(resource, {
    filter: { [statusField]: 'pending' },
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'id', order: 'ASC' },
  });
  if (!total) return null;
  return (
    <Box
      component="span"
      title={translate('verity.menu.pending_count', { smart_count: total })}
      sx={{
        ml: 'auto',
        pl: 1,
        '& > span': {
          display: 'inline-block',
          minWidth: 22,
          px: 0.75,
          borderRadius: 8,
          textAlign: 'center',
          fontSize: '0.72rem',
          fontWeight: 600,
          lineHeight: '18px',
          fontVariantNumeric: 'tabular-nums',
          bgcolor: 'action.selected',
          color: 'text.primary',
        },
      }}
    >
      {' '}
      <span>{formatTotal(total)}</span>
    </Box>
  );
};

const MenuLabel = ({ resource, statusField }: { resource: Guarded; statusField?: StatusField }) => {
  const translate = useTranslate();
  return (
    <Box component="span" sx={{ display: 'flex', alignItems: 'center', flex: 1 }}>
      {translate(`resources.${resource}.name`, { smart_count: 2 })}
      {statusField && <PendingCount resource={resource} statusField={statusField} />}
    </Box>
  );
};

// The status fields repeat the resource specs' `statusField` so that the menu, on the first
// screen, does not pull the specs' zod schemas into the entry chunk. Every role may read every
// list, but the team list is the screen of those who may invite (admins): the others meet
// moderators only by name.
const entries: { resource: Guarded; icon: ComponentType; statusField?: StatusField; action?: string }[] = [
  { resource: 'doctors', icon: doctors.icon, statusField: 'verificationStatus' },
  { resource: 'questions', icon: questions.icon },
  { resource: 'answers', icon: answers.icon, statusField: 'status' },
  { resource: 'reviews', icon: reviews.icon, statusField: 'status' },
  { resource: 'photos', icon: photos.icon, statusField: 'status' },
  { resource: 'rules', icon: rules.icon },
  { resource: 'settings', icon: settings.icon },
  { resource: 'audit', icon: audit.icon },
  { resource: 'moderators', icon: moderators.icon, action: 'create' },
];

/**
 * The dashboard and the queue first (where a moderator spends the day), second reviews, then the sections the signed-in role may open, each moderated one with the size of its pending queue. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <RaMenu.Item to="/queue" primaryText="verity.queue.title" leftIcon={<QueueIcon />} />
    <CanAccess resource="reviews" action="decide">
      <RaMenu.Item to="/quality" primaryText="verity.quality.title" leftIcon={<SecondReviewIcon />} />
    </CanAccess>
    {entries.map(({ resource, icon: Icon, statusField, action = 'list' }) => (
      <CanAccess key={resource} resource={resource} action={action}>
        <RaMenu.Item
          to={`/${resource}`}
          state={{ _scrollToTop: true }}
          primaryText={<MenuLabel resource={resource} statusField={statusField} />}
          leftIcon={<Icon />}
        />
      </CanAccess>
    ))}
  </RaMenu>
);

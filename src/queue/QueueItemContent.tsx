import { Box } from '@mui/material';
import { memo } from 'react';
import { RecordContextProvider, ResourceContextProvider, type RaRecord } from 'react-admin';
import type { ModeratedResource } from '../domain/transitions';
import { AnswerContent } from '../resources/answers/AnswerContent';
import { DoctorCredentials } from '../resources/doctors/DoctorCredentials';
import { PhotoContent } from '../resources/photos/PhotoContent';
import { ReviewContent } from '../resources/reviews/ReviewContent';
import { DoctorCard } from '../ui/DoctorCard';
import { ModerationAside } from '../ui/ModerationAside';
import { RuleFocusProvider } from '../ui/RuleFocus';

const contents: Record<ModeratedResource, () => React.ReactNode> = {
  answers: AnswerContent,
  reviews: ReviewContent,
  photos: PhotoContent,
  doctors: DoctorCredentials,
};

/**
 * One item as its own page shows it, content on the left and where it stands on the right, with
 * `bar` (the decision bar) above the content: everything needed to decide, on one screen. A
 * second review gives its own `aside`, which leaves out who decided and how.
 */
export const QueueItemContent = ({
  resource,
  record,
  bar,
  aside,
}: {
  resource: ModeratedResource;
  record: RaRecord;
  bar: React.ReactNode;
  aside?: React.ReactNode;
}) => {
  return (
    <ResourceContextProvider value={resource}>
      <RecordContextProvider value={record}>
        <RuleFocusProvider key={`${resource}-${record.id}`}>
          <Box sx={{ display: 'flex', alignItems: 'flex-start' }}>
            <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 2 }}>
              {bar}
              <ItemContent resource={resource} />
            </Box>
            {aside ?? <ItemAside resource={resource} />}
          </Box>
        </RuleFocusProvider>
      </RecordContextProvider>
    </ResourceContextProvider>
  );
};

// The content and the aside read the record from context; memoised, a decision bar that changes
// (busy while a decision is sent, a note typed) does not render the whole item again.
const ItemContent = memo(function ItemContent({ resource }: { resource: ModeratedResource }) {
  const Content = contents[resource];
  return <Content />;
});

const ItemAside = memo(function ItemAside({ resource }: { resource: ModeratedResource }) {
  return (
    <ModerationAside statusSource={resource === 'doctors' ? 'verificationStatus' : 'status'}>
      {resource !== 'doctors' && <DoctorCard />}
    </ModerationAside>
  );
});

import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { Show } from 'react-admin';
import { DecisionBar } from './DecisionBar';
import { wholeRecord } from './wholeRecord';
import { ModerationAside } from './ModerationAside';
import { RecordHistory } from './RecordHistory';
import { RuleFocusProvider } from './RuleFocus';

/**
 * A moderated record's page: its content in cards on the left, its moderation state (and
 * `aside`, usually the doctor) on the right, so everything needed for a decision is on one screen:
 * the decisions the moderator may take above the content, the record's history below it.
 * `header` goes above the decisions: what the record is (a doctor's name and standing).
 */
export const ModerationShow = ({
  statusSource,
  aside,
  header,
  children,
}: {
  statusSource?: 'status' | 'verificationStatus';
  aside?: ReactNode;
  header?: ReactNode;
  children: ReactNode;
}) => (
  <RuleFocusProvider>
    <Show
      component="div"
      queryOptions={wholeRecord}
      // The whole record has a cache entry of its own: until it arrives, a page of empty facts
      // would read as a record with nothing in it.
      emptyWhileLoading
      aside={
        <ModerationAside statusSource={statusSource} rerunChecks>
          {aside}
        </ModerationAside>
      }
    >
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
        {header}
        <DecisionBar statusSource={statusSource} />
        {children}
        <RecordHistory />
      </Box>
    </Show>
  </RuleFocusProvider>
);

import CloseIcon from '@mui/icons-material/Close';
import { Box, Drawer, IconButton, Stack } from '@mui/material';
import { useCallback, useState, type ReactNode } from 'react';
import {
  ShowBase,
  ShowButton,
  useRecordContext,
  useResourceContext,
  useTranslate,
  type Identifier,
} from 'react-admin';
import { isChecked } from '../domain/rules/registry';
import { DecisionBar } from './DecisionBar';
import { RerunChecksButton } from './RerunChecksButton';
import { RuleFocusProvider } from './RuleFocus';
import { RuleResults } from './RuleResults';
import { Section } from './Section';
import { wholeRecord } from './wholeRecord';

/**
 * Which row of a list is open in its drawer. The row click opens the drawer instead of the show
 * page (returning no path), so the moderator keeps the list, its filters and its selection in view.
 */
export const useRecordDrawer = () => {
  const [id, setId] = useState<Identifier | null>(null);
  const rowClick = useCallback((clicked: Identifier) => {
    setId(clicked);
    return false as const;
  }, []);
  const close = useCallback(() => setId(null), []);
  return { id, rowClick, close };
};

/** What the rules found, once the record is loaded: before that, an empty result would read as "no rules". */
const DrawerRuleResults = () => {
  const record = useRecordContext();
  const resource = useResourceContext();
  if (!record || !resource || !isChecked(resource)) return null;
  return (
    <Section title="verity.moderation.rules">
      <RuleResults />
    </Section>
  );
};

/**
 * A record of the list on the right, with the decisions the moderator may take on it (and running
 * its checks again) and, for a type with rules, what they found: enough to decide without leaving
 * the list; the show button leads to the full page (history, doctor).
 */
export const RecordDrawer = ({
  id,
  onClose,
  children,
}: {
  id: Identifier | null;
  onClose: () => void;
  children: ReactNode;
}) => {
  const resource = useResourceContext();
  const translate = useTranslate();
  const title = `${translate(`resources.${resource}.name`, { smart_count: 1 })} #${id}`;
  return (
    <Drawer
      anchor="right"
      open={id !== null}
      onClose={onClose}
      slotProps={{ paper: { role: 'dialog', 'aria-label': title, sx: { width: { xs: '100%', md: 640 } } } }}
    >
      {id !== null && (
        <ShowBase id={id} queryOptions={wholeRecord}>
          {/* Keyed by record, so a rule picked in one record's results is not emphasised in the next. */}
          <RuleFocusProvider key={id}>
            <Stack spacing={2} sx={{ p: 2 }}>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <ShowButton />
                <RerunChecksButton />
                <IconButton sx={{ ml: 'auto' }} aria-label={translate('ra.action.close')} onClick={onClose}>
                  <CloseIcon />
                </IconButton>
              </Box>
              <DecisionBar />
              <DrawerRuleResults />
              {children}
            </Stack>
          </RuleFocusProvider>
        </ShowBase>
      )}
    </Drawer>
  );
};

import CloseIcon from '@mui/icons-material/Close';
import { Box, Drawer, IconButton, Stack } from '@mui/material';
import { useCallback, useState, type ReactNode } from 'react';
import { ShowBase, ShowButton, useResourceContext, useTranslate, type Identifier } from 'react-admin';
import { DecisionBar } from './DecisionBar';
import { RerunChecksButton } from './RerunChecksButton';

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

/**
 * A record of the list on the right, with the decisions the moderator may take on it (and running
 * its checks again): enough to decide without leaving the list; the show button leads to the full
 * page (history, doctor, each rule's evidence).
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
        <ShowBase id={id}>
          <Stack spacing={2} sx={{ p: 2 }}>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
              <ShowButton />
              <RerunChecksButton />
              <IconButton sx={{ ml: 'auto' }} aria-label={translate('ra.action.close')} onClick={onClose}>
                <CloseIcon />
              </IconButton>
            </Box>
            <DecisionBar />
            {children}
          </Stack>
        </ShowBase>
      )}
    </Drawer>
  );
};

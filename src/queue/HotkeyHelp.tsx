import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { photoHotkeys, queueHotkeys, reasonPickerKeys } from './hotkeys';

/** Every key of the queue screen, read from the one table the screen binds. */
export const HotkeyHelp = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const translate = useTranslate();
  const groups = [
    { title: 'verity.queue.keys.queue', rows: queueHotkeys },
    { title: 'verity.queue.keys.photo_viewer', rows: photoHotkeys },
    { title: 'verity.queue.keys.reason_picker', rows: reasonPickerKeys },
  ];
  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{translate('verity.queue.keys.title')}</DialogTitle>
      <DialogContent dividers>
        {groups.map(({ title, rows }) => (
          <Box key={title} component="section" aria-label={translate(title)} sx={{ '& + &': { mt: 2 } }}>
            <Typography
              variant="overline"
              component="h3"
              color="text.secondary"
              sx={{ display: 'block', lineHeight: 1.6 }}
            >
              {translate(title)}
            </Typography>
            <Box
              component="dl"
              sx={{
                display: 'grid',
                gridTemplateColumns: 'max-content 1fr',
                columnGap: 2,
                rowGap: 0.75,
                m: 0,
                '& dd': { m: 0, fontSize: '0.875rem' },
              }}
            >
              {rows.map(({ key, label }) => (
                <Box key={key} sx={{ display: 'contents' }}>
                  <dt>
                    <Kbd>{key}</Kbd>
                  </dt>
                  <dd>{translate(label)}</dd>
                </Box>
              ))}
            </Box>
          </Box>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.close')}</Button>
      </DialogActions>
    </Dialog>
  );
};

/** A key as printed on the keyboard. */
export const Kbd = ({ children }: { children: string }) => (
  <Box
    component="kbd"
    sx={{
      display: 'inline-block',
      minWidth: 20,
      px: 0.5,
      border: 1,
      // Inside a button the key takes the button's colour, so it reads on a filled one too.
      borderColor: 'currentColor',
      opacity: 0.75,
      borderRadius: 0.5,
      fontFamily: 'monospace',
      fontSize: '0.75rem',
      lineHeight: '18px',
      textAlign: 'center',
    }}
  >
    {children}
  </Box>
);

import CopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  InputAdornment,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useRef } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import type { Moderator } from '../../domain/model';

/** What POST /api/moderators answers: the new moderator, with their invitation this once. */
export interface Invitation extends Moderator {
  inviteToken: string;
  inviteExpiresAt: string;
}

/** The set-password page of this very console, however it is served. */
const setPasswordLink = (token: string) =>
  `${window.location.origin}${window.location.pathname}#/set-password?token=${encodeURIComponent(token)}`;

const expiryFormat: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

/**
 * The one time the server shows a new moderator's invitation: the admin copies the link and
 * sends it to them. Neither the backdrop nor Escape closes it, so a stray click cannot lose it.
 */
export const InviteDialog = ({ invitation, onDone }: { invitation: Invitation; onDone: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const link = setPasswordLink(invitation.inviteToken);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      notify('verity.invite.copied', { type: 'info' });
    } catch {
      // No clipboard (a plain-http origin, a refused permission): select it for the keyboard.
      input.current?.select();
      notify('verity.invite.copy_by_hand', { type: 'info' });
    }
  };

  return (
    <Dialog open aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{translate('verity.invite.title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1.5 }}>
          {translate('verity.invite.send_to', { name: invitation.name, email: invitation.email })}
        </Typography>
        <TextField
          inputRef={input}
          value={link}
          label={translate('verity.invite.link')}
          onFocus={(event) => event.target.select()}
          slotProps={{
            htmlInput: { readOnly: true, sx: { fontFamily: 'monospace', fontSize: '0.8rem' } },
            input: {
              endAdornment: (
                <InputAdornment position="end">
                  <IconButton onClick={copy} aria-label={translate('verity.invite.copy')} edge="end">
                    <CopyIcon fontSize="small" />
                  </IconButton>
                </InputAdornment>
              ),
            },
          }}
        />
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('verity.invite.expires', {
            date: new Date(invitation.inviteExpiresAt).toLocaleString('en-US', expiryFormat),
          })}
        </Typography>
        <Alert severity="warning" sx={{ mt: 2 }}>
          {translate('verity.invite.shown_once')}
        </Alert>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button variant="contained" onClick={onDone}>
          {translate('verity.invite.done')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

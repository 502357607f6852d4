import ShieldIcon from '@mui/icons-material/VerifiedUserOutlined';
import { Box, Button, CircularProgress, Typography, type SxProps, type Theme } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The pages a moderator sees before signing in (sign-in, setting a password) share one frame:
 * react-admin's card on the console's own quiet background instead of its stock gradient, with
 * the Verity name above the form in place of the lock avatar.
 */
export const authPageSx: SxProps<Theme> = {
  backgroundImage: 'none',
  bgcolor: 'background.default',
  px: 2,
  '& .RaLogin-card, & .RaAuthLayout-card': { width: 360, maxWidth: '100%', minWidth: 0, mt: '12vh' },
  '& .RaLogin-avatar': { display: 'none' },
};

export const AuthHeader = ({ subtitle }: { subtitle: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pt: 3, textAlign: 'center' }}>
      <ShieldIcon color="primary" sx={{ fontSize: 36 }} aria-hidden />
      <Typography component="h1" variant="h1" sx={{ mt: 0.5 }}>
        Verity
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {translate(subtitle)}
      </Typography>
    </Box>
  );
};

/** The form's one action, which turns into a spinner (and cannot be pressed twice) while it runs. */
export const SubmitButton = ({ label, pending }: { label: string; pending: boolean }) => {
  const translate = useTranslate();
  return (
    <Button type="submit" variant="contained" fullWidth disabled={pending} sx={{ mt: 2 }} size="medium">
      {pending ? <CircularProgress size={19} thickness={3} color="inherit" /> : translate(label)}
    </Button>
  );
};

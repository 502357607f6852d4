import KeyIcon from '@mui/icons-material/KeyOutlined';
import { Box, Divider, ListItemIcon, ListItemText, MenuItem, type MenuItemProps } from '@mui/material';
import { useState } from 'react';
import { Logout, UserMenu, useGetIdentity, useTranslate, useUserMenu } from 'react-admin';
import { ChangePasswordDialog } from './ChangePasswordDialog';

/** Who is signed in: the name, and the role that decides what this console lets them do. */
const SignedInAs = () => {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity) return null;
  return (
    <Box>
      <Box sx={{ fontWeight: 600 }}>{identity.fullName}</Box>
      <Box sx={{ fontSize: '0.8rem', color: 'text.secondary' }}>
        {translate(`verity.roles.${identity.role}`)} · {identity.email}
      </Box>
    </Box>
  );
};

// MUI's menu hands focus props to its first enabled child, so they are passed on to the item.
const ChangePasswordItem = ({ onSelect, ...props }: MenuItemProps & { onSelect: () => void }) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      {...props}
      onClick={() => {
        userMenu?.onClose();
        onSelect();
      }}
    >
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('verity.auth.change_password')}</ListItemText>
    </MenuItem>
  );
};

/**
 * The app bar's account menu. The dialog lives beside the menu, not in it: the menu unmounts its
 * items when it closes, which it does as the dialog opens.
 */
export const AccountMenu = () => {
  const [changingPassword, setChangingPassword] = useState(false);
  const { identity } = useGetIdentity();
  return (
    <>
      {/* On a wide screen the button shows the moderator's name, so its accessible name must hold
          it; a narrow screen shows an icon, which keeps react-admin's "Profile". */}
      <UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'}>
        {/* Disabled: a heading to read, not an action; full opacity so it does not look greyed out. */}
        <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }}>
          <SignedInAs />
        </MenuItem>
        <Divider />
        <ChangePasswordItem onSelect={() => setChangingPassword(true)} />
        <Logout />
      </UserMenu>
      <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
};

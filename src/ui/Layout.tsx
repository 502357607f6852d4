import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { AccountMenu } from '../auth/AccountMenu';
import { SignedInOnly } from '../auth/SignedInOnly';
import { Menu } from './Menu';

// The page title is the page's one top-level heading; section cards carry the h2s below it.
const TitledAppBar = () => (
  <AppBar userMenu={<AccountMenu />}>
    <TitlePortal component="h1" />
  </AppBar>
);

// Every screen with the console's frame is for signed-in moderators (see SignedInOnly).
export const Layout = ({ children }: { children: ReactNode }) => (
  <SignedInOnly>
    <RaLayout menu={Menu} appBar={TitledAppBar}>
      {children}
    </RaLayout>
  </SignedInOnly>
);

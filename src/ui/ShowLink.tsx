import type { MouseEvent, ReactNode } from 'react';
import { Link, useCreatePath, useRecordContext, useResourceContext } from 'react-admin';

/**
 * The row's main text as a real link to its page: table rows are clickable with a mouse only,
 * a link can be reached with Tab and opened in a new tab.
 */
export const ShowLink = ({ children }: { children: ReactNode }) => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (!record || !resource) return null;
  return (
    <Link
      to={createPath({ resource, id: record.id, type: 'show' })}
      onClick={(event: MouseEvent) => event.stopPropagation()}
      color="inherit"
      sx={{ display: 'block' }}
    >
      {children}
    </Link>
  );
};

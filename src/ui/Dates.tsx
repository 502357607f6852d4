import { Typography, type SxProps, type Theme } from '@mui/material';
import { type RaRecord, useFieldValue } from 'react-admin';

// The formats are built once: a Date's toLocaleString with options builds a formatter on every
// call, which on a queue item with dozens of dates was a good part of its render.
const timestamps = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

// A calendar date (a licence expiry, a treatment day) has no time zone: read in UTC it is
// the same day everywhere.
const calendarDates = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

interface DateProps {
  source: string;
  record?: RaRecord;
  emptyText?: string;
  sx?: SxProps<Theme>;
}

function FormattedDate({
  format,
  source,
  record,
  emptyText = '—',
  sx,
}: DateProps & { format: Intl.DateTimeFormat }) {
  const value: unknown = useFieldValue({ source, record });
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : null;
  const valid = value !== '' && date !== null && !Number.isNaN(date.getTime());
  return (
    <Typography component="span" variant="body2" sx={sx}>
      {valid ? format.format(date) : emptyText}
    </Typography>
  );
}

/** An instant (createdAt, decidedAt), in the moderator's time zone. */
export const TimestampField = ({ sx = { whiteSpace: 'nowrap' }, ...props }: DateProps) => (
  <FormattedDate format={timestamps} sx={sx} {...props} />
);

/** A YYYY-MM-DD calendar date. */
export const CalendarDateField = (props: DateProps) => <FormattedDate format={calendarDates} {...props} />;

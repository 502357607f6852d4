import { DateField, type DateFieldProps } from 'react-admin';

const timestampFormat: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

// A calendar date (a licence expiry, a treatment day) has no time zone: read in UTC it is
// the same day everywhere.
const calendarDateFormat: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
};

/** An instant (createdAt, decidedAt), in the moderator's time zone. */
export const TimestampField = (props: DateFieldProps) => (
  <DateField
    showTime
    locales="en-US"
    options={timestampFormat}
    emptyText="—"
    sx={{ whiteSpace: 'nowrap' }}
    {...props}
  />
);

/** A YYYY-MM-DD calendar date. */
export const CalendarDateField = (props: DateFieldProps) => (
  <DateField locales="en-US" options={calendarDateFormat} emptyText="—" {...props} />
);

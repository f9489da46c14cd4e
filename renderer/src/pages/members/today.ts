import dayjs from 'dayjs';

/** The clerk's local calendar date (not UTC), which is what every date field defaults to. */
export const todayIso = (): string => dayjs().format('YYYY-MM-DD');

/** Every failure crossing the contract carries one of these codes; the message beside it is Chinese. */
export const ERROR_CODES = [
  'VALIDATION', // input did not match the channel schema, or a business rule refused it
  'NOT_FOUND',
  'CONFLICT', // duplicate key, stale edit, state change the workflow forbids
  'LOCKED', // the data folder is held by another process
  'SCHEMA_TOO_NEW', // database written by a newer version of the app
  'RECOVERY', // database failed its integrity check; only recovery channels work
  'CANCELLED',
  'FORBIDDEN', // the operator's role does not allow this channel, or nobody is logged in while login is on
  'UNAVAILABLE', // the host cannot do this (e.g. no Electron dialog in the browser)
  'INTERNAL', // a bug: message is generic, correlationId points into the log
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

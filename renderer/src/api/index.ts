import { createClient, type ApiClient } from './client';
import { createHttpTransport } from './transport-http';
import { createIpcTransport } from './transport-ipc';

/** Chosen once at start: inside Electron the preload put window.ledger there; anywhere else it is HTTP. */
export const api: ApiClient = createClient(window.ledger ? createIpcTransport(window.ledger) : createHttpTransport());

export { ApiError, errorMessage, isApiError, type FieldIssue } from './errors';
export type { ApiClient } from './client';

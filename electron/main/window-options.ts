import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * Pure, Electron-free facts about the window and its origin, kept apart so unit tests can assert them
 * without the Electron binary. Types are imported only; nothing here runs Electron code.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'ledger';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;
export const APP_TITLE = '工会台账';

/** Same policy as the <meta> in renderer/index.html; sent as a header too so it holds for every response. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** Electron's security checklist: the renderer gets no Node, its own JS world, and the OS sandbox. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: APP_TITLE,
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    // Shown on ready-to-show so the clerk never sees a white flash.
    show: false,
    backgroundColor: '#f5f5f5',
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/**
 * The hidden print window renders static template HTML only: no preload, no scripts, its own session
 * (which refuses every request that is not a local file or data URL).
 */
export const PRINT_PARTITION = 'ledger-print';
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 1123,
    height: 794,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      webviewTag: false,
      partition: PRINT_PARTITION,
      spellcheck: false,
    },
  };
}

/** True only for pages served by our own app:// handler (not file://, not the web, not a look-alike host). */
export function isTrustedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password && !u.port;
  } catch {
    return false;
  }
}

/** Links the clerk may open outside the app: https only, handed to the system browser. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * No remote content in the app's own session: anything reaching the network or the local disk is refused.
 * devtools:, app:, data: and blob: stay allowed.
 */
const BLOCKED_REQUEST_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);
export function isBlockedRequest(url: string): boolean {
  try {
    return BLOCKED_REQUEST_SCHEMES.has(new URL(url).protocol);
  } catch {
    return true;
  }
}

/** The print session may read only the temp HTML file it was given and inline data. */
export function isAllowedPrintRequest(url: string): boolean {
  try {
    const p = new URL(url).protocol;
    return p === 'file:' || p === 'data:';
  } catch {
    return false;
  }
}

/**
 * Permissions: everything is denied (camera, geolocation, notifications from the page, …) except writing
 * to the clipboard from our own pages, which 复制 buttons need.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'clipboard-sanitized-write' && isTrustedUrl(requestingUrl);
}

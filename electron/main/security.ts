import { app, session, shell, type Session, type WebContents } from 'electron';
import {
  isBlockedRequest,
  isExternalLinkAllowed,
  isPermissionAllowed,
  isTrustedUrl,
} from './window-options';

/** Locks down the default session: no permissions beyond clipboard writes, no network, no file:// loads. */
function guardSession(s: Session): void {
  s.setPermissionRequestHandler((wc, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl || wc.getURL())),
  );
  s.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequest(details.url) }));
  s.setDevicePermissionHandler(() => false);
}

/** Every web contents: stays on app://, opens no windows (https links go to the system browser), no webviews. */
function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function installSecurityGuards(): void {
  guardSession(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

import { describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedPrintRequest,
  isBlockedRequest,
  isExternalLinkAllowed,
  isPermissionAllowed,
  isTrustedUrl,
  mainWindowOptions,
  printWindowOptions,
} from '../../../electron/main/window-options';
import fs from 'node:fs';
import path from 'node:path';

describe('main window', () => {
  it('uses the secure webPreferences with our preload', () => {
    const w = mainWindowOptions('/app/dist/preload/preload.cjs');
    expect(w.title).toBe('工会台账');
    expect(w.webPreferences).toMatchObject({
      preload: '/app/dist/preload/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('the print window runs no script, has no preload and its own session', () => {
    const p = printWindowOptions();
    expect(p.show).toBe(false);
    expect(p.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(p.webPreferences?.preload).toBeUndefined();
    expect(p.webPreferences?.partition).toBeTruthy();
  });

  it('starts on app:// and sends the same CSP as renderer/index.html', () => {
    expect(isTrustedUrl(APP_START_URL)).toBe(true);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    const html = path.resolve(import.meta.dirname, '..', '..', '..', 'renderer', 'index.html');
    if (fs.existsSync(html)) {
      const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(fs.readFileSync(html, 'utf8'));
      expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('origin and request rules', () => {
  it('trusts only app://ledger', () => {
    expect(isTrustedUrl('app://ledger/index.html#/members')).toBe(true);
    expect(isTrustedUrl('app://ledger')).toBe(true);
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:5317/',
      'file:///C:/x.html',
      'app://ledger.evil/',
      'app://other/',
      'app://user:pw@ledger/',
      'app://ledger:1/',
      'devtools://devtools/bundled/inspector.html',
      '',
      'not a url',
    ]) {
      expect(isTrustedUrl(url), url).toBe(false);
    }
  });

  it('opens only https links outside, blocks network and file loads in the app session', () => {
    expect(isExternalLinkAllowed('https://www.acftu.org/')).toBe(true);
    expect(isExternalLinkAllowed('http://example.com/')).toBe(false);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    for (const url of ['https://cdn.example/x.js', 'http://a/', 'wss://a/', 'file:///C:/secret.txt']) expect(isBlockedRequest(url), url).toBe(true);
    for (const url of ['app://ledger/assets/a.js', 'data:image/png;base64,AA', 'blob:app://ledger/1', 'devtools://devtools/x'])
      expect(isBlockedRequest(url), url).toBe(false);
    expect(isAllowedPrintRequest('file:///tmp/ledger-print-1/print.html')).toBe(true);
    expect(isAllowedPrintRequest('https://tracker.example/pixel.png')).toBe(false);
  });

  it('denies permissions except clipboard writes from our pages', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'app://ledger')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen'])
      expect(isPermissionAllowed(p, 'app://ledger/index.html'), p).toBe(false);
  });
});

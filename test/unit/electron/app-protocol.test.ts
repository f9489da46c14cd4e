import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentTypeFor, createAppRequestHandler, resolveAppFile } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window-options';
import { tempDir } from '../../helpers/context';

describe('app:// protocol', () => {
  let base: string;
  let webDir: string;
  beforeAll(() => {
    base = tempDir('ledger-proto-');
    webDir = path.join(base, 'web');
    fs.mkdirSync(path.join(webDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>工会台账</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(webDir, 'assets', '名单 样式.css'), 'body{}');
    // A file beside the web folder, with a name that starts like it: a prefix check alone would let it out.
    fs.mkdirSync(path.join(base, 'web-secrets'));
    fs.writeFileSync(path.join(base, 'web-secrets', 'ledger.sqlite'), 'SECRET');
    fs.writeFileSync(path.join(base, 'secret.txt'), 'SECRET');
  });
  afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

  it('maps URLs inside the web folder', () => {
    expect(resolveAppFile(webDir, 'app://ledger/')).toBe(path.join(webDir, 'index.html'));
    expect(resolveAppFile(webDir, 'app://ledger/assets/app.js?v=1#x')).toBe(path.join(webDir, 'assets', 'app.js'));
    expect(resolveAppFile(webDir, 'app://ledger/assets/%E5%90%8D%E5%8D%95%20%E6%A0%B7%E5%BC%8F.css')).toBe(
      path.join(webDir, 'assets', '名单 样式.css'),
    );
  });

  it.each([
    'app://ledger/../secret.txt',
    'app://ledger/%2e%2e/secret.txt',
    'app://ledger/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://ledger/..%2fsecret.txt',
    'app://ledger/..%5csecret.txt',
    'app://ledger/..%2fweb-secrets%2fledger.sqlite',
    'app://ledger/index.html%00.png',
    'app://ledger/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', async (url) => {
    const file = resolveAppFile(webDir, url);
    if (file !== null) {
      // The URL parser may have folded the dots itself; whatever is left must stay inside webDir.
      expect(file.startsWith(webDir + path.sep)).toBe(true);
    }
    const res = await createAppRequestHandler(webDir)(new Request(url.replace(/^file:/, 'app:')));
    const body = await res.text();
    expect(body).not.toContain('SECRET');
  });

  it('serves files with their type and the CSP header', async () => {
    const handler = createAppRequestHandler(webDir);
    const res = await handler(new Request('app://ledger/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client-side routes but 404s missing assets', async () => {
    const handler = createAppRequestHandler(webDir);
    const route = await handler(new Request('app://ledger/members/12'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>工会台账</title>');
    const missing = await handler(new Request('app://ledger/assets/missing.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const post = await handler(new Request('app://ledger/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });

  it('knows the common content types', () => {
    expect(contentTypeFor('a.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

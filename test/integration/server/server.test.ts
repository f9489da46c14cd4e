import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { startServer, type RunningServer } from '../../../electron/server/server';
import type { AppInfo, BackupInfo, FileRef, Settings } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { openTestContext, tempDir } from '../../helpers/context';
import { rawRequest } from '../../helpers/http';

let ctx: AppContext | undefined;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  await ctx?.close();
  ctx = undefined;
});

async function start(opts: { onTestReset?: () => Promise<void>; webDir?: string | null } = {}): Promise<RunningServer> {
  ctx ??= await openTestContext();
  server = await startServer({ getContext: () => ctx!, webDir: opts.webDir ?? null, port: 0, ...opts });
  return server;
}

const rpc = async <T>(s: RunningServer, channel: string, input: unknown): Promise<Result<T>> => {
  const res = await fetch(`${s.url}api/rpc/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Result<T>;
};

describe('loopback HTTP host', () => {
  it('listens on 127.0.0.1 only and answers /api/health', async () => {
    const s = await start();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/`);
    const res = await fetch(`${s.url}api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, status: 'ok', host: 'test' });
  });

  it('runs a channel through the router and returns its Result', async () => {
    const s = await start();
    const saved = await rpc<Settings>(s, 'settings.update', { unitName: '某某市第一中学' });
    expect(saved).toMatchObject({ ok: true, data: { unitName: '某某市第一中学' } });
    const info = await rpc<AppInfo>(s, 'app.info', {});
    expect(info.ok && info.data.counts.settings).toBe(1);
    // Failures are Results too, with the HTTP status still 200.
    expect(await rpc(s, 'settings.update', { unitType: 'army' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await rpc(s, 'no.such', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers a body that is not JSON with VALIDATION', async () => {
    const s = await start();
    const res = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/rpc/settings.get',
      headers: { Host: `127.0.0.1:${s.port}`, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON。' } });
  });

  it.each([
    ['a foreign host name (DNS rebinding)', { Host: 'evil.example' }],
    ['a loopback name on another port', { Host: '127.0.0.1:1' }],
    ['a LAN address', { Host: '192.168.1.20' }],
  ])('refuses %s with 403', async (_what, headers) => {
    const s = await start();
    const res = await rawRequest(s.port, { path: '/api/health', headers });
    expect(res.status).toBe(403);
    expect(res.body.toString('utf8')).toBe('只接受本机访问。');
  });

  it('refuses a cross-site Origin with 403 and does not run the channel', async () => {
    const s = await start();
    for (const origin of ['https://evil.example', `http://evil.example:${s.port}`, 'null', `http://127.0.0.1:${s.port + 1}`]) {
      const res = await rawRequest(s.port, {
        method: 'POST',
        path: '/api/rpc/settings.update',
        headers: { Host: `127.0.0.1:${s.port}`, Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ unitName: '被篡改' }),
      });
      expect(res.status, origin).toBe(403);
    }
    const same = await rawRequest(s.port, {
      path: '/api/health',
      headers: { Host: `localhost:${s.port}`, Origin: `http://localhost:${s.port}` },
    });
    expect(same.status).toBe(200);
    const settings = await rpc<Settings>(s, 'settings.get', {});
    expect(settings.ok && settings.data.unitName).toBe('');
  });

  it('refuses an rpc call without a JSON content type with 415 (no simple cross-site form posts)', async () => {
    const s = await start();
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const res = await rawRequest(s.port, {
        method: 'POST',
        path: '/api/rpc/settings.update',
        headers: { Host: `127.0.0.1:${s.port}`, ...(type ? { 'Content-Type': type } : {}) },
        body: JSON.stringify({ unitName: '表单提交' }),
      });
      expect(res.status, String(type)).toBe(415);
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
  });

  it('uploads a file with a Chinese name and downloads the same bytes under that name', async () => {
    const s = await start();
    const name = '2024年 会员名单（第一批）.xlsx';
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_v, i) => (i * 37) % 256));
    const up = await fetch(`${s.url}api/files?name=${encodeURIComponent(name)}`, { method: 'POST', body: bytes });
    const ref = (await up.json()) as Result<FileRef>;
    if (!ref.ok) throw new Error(ref.error.message);
    expect(ref.data).toMatchObject({ fileName: name, sizeBytes: bytes.length });
    expect(ref.data.token).toMatch(/^[A-Za-z0-9_-]{16,64}$/);

    const down = await fetch(`${s.url}api/files/${ref.data.token}`);
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('application/octet-stream');
    const disposition = down.headers.get('content-disposition') ?? '';
    const m = /filename\*=UTF-8''([^;]+)/.exec(disposition);
    expect(disposition.startsWith('attachment')).toBe(true);
    expect(decodeURIComponent(m?.[1] ?? '')).toBe(name);
    expect(Buffer.from(await down.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('keeps an uploaded path-like name as a label only', async () => {
    const s = await start();
    const up = await fetch(`${s.url}api/files?name=${encodeURIComponent('../../etc/passwd')}`, { method: 'POST', body: 'x' });
    const ref = (await up.json()) as Result<FileRef>;
    expect(ref.ok && ref.data.fileName).toBe('passwd');
    expect(fs.readdirSync(ctx!.paths.tmpDir).every((f) => f.startsWith('up-'))).toBe(true);
  });

  it('answers an rpc body over 20 MB with 413 and a Chinese message, not a connection reset', async () => {
    const s = await start();
    const big = JSON.stringify({ unitName: 'x'.repeat(21 * 1024 * 1024) });
    const res = await fetch(`${s.url}api/rpc/settings.update`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    const body = (await res.json()) as Result<unknown>;
    expect(body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(!body.ok && body.error.message).toMatch(/^上传内容过大，上限为 20 MB/);
    // Nothing was saved, and the host still answers.
    expect(await rpc<Settings>(s, 'settings.get', {})).toMatchObject({ ok: true, data: { unitName: '' } });
  });

  it('answers a streamed body (no Content-Length) over the limit with 413 too', async () => {
    const s = await start();
    const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port: s.port, method: 'POST', path: '/api/rpc/settings.update', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } },
        (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 22; i++) req.write(chunk);
      req.end();
    });
    expect(res.status).toBe(413);
    expect(res.text).toContain('上传内容过大');
  });

  it('answers an upload that declares more than 200 MB with 413 before reading it', async () => {
    const s = await start();
    const res = await rawRequest(s.port, {
      method: 'POST',
      path: '/api/files?name=big.xlsx',
      headers: { Host: `127.0.0.1:${s.port}`, 'Content-Length': String(201 * 1024 * 1024) },
      body: 'x',
    });
    expect(res.status).toBe(413);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('上限为 200 MB') } });
    expect(fs.existsSync(ctx!.paths.tmpDir) ? fs.readdirSync(ctx!.paths.tmpDir) : []).toEqual([]);
  });

  it('answers a path with broken percent-encoding with 400 VALIDATION, not INTERNAL', async () => {
    const webDir = tempDir();
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html>');
    const s = await start({ webDir });
    for (const p of ['/api/rpc/%E0%A4%A', '/%E0%A4%A']) {
      const res = await rawRequest(s.port, {
        method: p.startsWith('/api') ? 'POST' : 'GET',
        path: p,
        headers: { Host: `127.0.0.1:${s.port}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(res.status, p).toBe(400);
      expect(res.json(), p).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '请求地址的编码不正确。' } });
    }
  });

  it('answers an unknown download token with NOT_FOUND', async () => {
    const s = await start();
    const res = await fetch(`${s.url}api/files/AAAAAAAAAAAAAAAAAAAAAAAA`);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers an unknown /api path with a 404 JSON error', async () => {
    const s = await start();
    for (const [method, p] of [
      ['GET', '/api/nothing-here'],
      ['GET', '/api/rpc/settings.get'],
      ['DELETE', '/api/files'],
    ] as const) {
      const res = await fetch(`${s.url}${p.slice(1)}`, { method });
      expect(res.status, `${method} ${p}`).toBe(404);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个接口。' } });
    }
  });

  it('pushes core events to /api/events subscribers', async () => {
    const s = await start();
    const res = await fetch(`${s.url}api/events`);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const created = await rpc<BackupInfo>(s, 'backup.create', {});
    let text = '';
    while (!text.includes('backup:created')) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    await reader.cancel();
    const frame = text.split('\n').find((l) => l.startsWith('data: '));
    expect(JSON.parse(frame!.slice(6))).toEqual({ name: 'backup:created', payload: created.ok && created.data });
  });

  it('offers /api/test/reset only when the host enabled it', async () => {
    const s = await start();
    const off = await fetch(`${s.url}api/test/reset`, { method: 'POST' });
    expect(off.status).toBe(404);
    await server!.close();

    const dataDir = ctx!.paths.dataDir;
    let resets = 0;
    server = await startServer({
      getContext: () => ctx!,
      webDir: null,
      port: 0,
      onTestReset: async () => {
        resets++;
        await ctx!.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
        ctx = await openTestContext({ dataDir });
      },
    });
    await rpc(server, 'settings.update', { unitName: '测试前的数据' });
    const on = await fetch(`${server.url}api/test/reset`, { method: 'POST' });
    expect(on.status).toBe(200);
    expect(await on.json()).toEqual({ ok: true, data: null });
    expect(resets).toBe(1);
    const after = await rpc<Settings>(server, 'settings.get', {});
    expect(after.ok && after.data.unitName).toBe('');
  });

  it('serves the web build with a CSP, and never a file outside it', async () => {
    const root = tempDir();
    const webDir = path.join(root, 'web');
    fs.mkdirSync(webDir);
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>工会台账</title>');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'secret');
    const s = await start({ webDir });
    const page = await fetch(`${s.url}members/123`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('工会台账');
    const escape = await rawRequest(s.port, { path: '/..%2fsecret.txt', headers: { Host: `127.0.0.1:${s.port}` } });
    expect(escape.body.toString('utf8')).not.toContain('secret');
  });
});

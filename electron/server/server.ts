import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../core/context';
import { AppError } from '../core/errors';
import { DEFAULT_UPLOAD_LIMIT } from '../core/files/file-store';
import type { Result } from '../../shared/result';

export interface ServerOptions {
  /** The context can be swapped (test reset), so the server always asks for the current one. */
  getContext: () => AppContext;
  webDir: string | null;
  port: number;
  /** Enables POST /api/test/reset; never on for a clerk's run. */
  onTestReset?: () => Promise<void>;
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const RPC_BODY_LIMIT = 20 * 1024 * 1024;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** A body over its limit: answered 413 with this message, never a connection reset the UI cannot explain. */
class TooLarge extends AppError {
  constructor(limit: number) {
    super('VALIDATION', `上传内容过大，上限为 ${Math.round(limit / 1048576)} MB。请缩小文件（例如分成几个文件）后重试。`);
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      reject(new TooLarge(limit));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        // Keep reading (and discarding) the rest: closing the socket while the client still sends resets the
        // connection before it can read our answer.
        over = true;
        chunks.length = 0;
        reject(new TooLarge(limit));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Broken percent-encoding in a path is the caller's mistake (400), not a fault of the program. */
function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new BadPath();
  }
}
class BadPath extends AppError {
  constructor() {
    super('VALIDATION', '请求地址的编码不正确。');
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The browser host must only ever be reached from this machine: a Host header naming another name is a
 * DNS-rebinding attempt, and an Origin of another site is a cross-site request.
 */
export function isLoopbackRequest(req: http.IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  const m = /^(\[::1\]|[^:]+)(?::(\d+))?$/.exec(host);
  if (!m || !LOOPBACK_HOSTS.has(m[1]!.toLowerCase()) || (m[2] !== undefined && Number(m[2]) !== port)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname === '::1' ? '[::1]' : u.hostname) && Number(u.port) === port;
  } catch {
    return false;
  }
}

function serveStatic(webDir: string, urlPath: string, res: http.ServerResponse): void {
  const rel = decodePath(urlPath).replace(/^\/+/, '');
  let file = path.resolve(webDir, rel);
  if (!file.startsWith(path.resolve(webDir) + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    file = path.join(webDir, 'index.html');
  }
  if (!fs.existsSync(file)) {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('界面尚未构建，请运行 npm run build:web。');
    return;
  }
  const ext = path.extname(file);
  res.writeHead(200, {
    'Content-Type': MIME[ext] ?? 'application/octet-stream',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': ext === '.html' ? 'no-store' : 'public, max-age=300',
  });
  fs.createReadStream(file).pipe(res);
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const sseClients = new Set<http.ServerResponse>();
  let boundPort = opts.port;
  let unsubscribe: (() => void) | null = null;
  const subscribe = () => {
    unsubscribe?.();
    unsubscribe = opts.getContext().events.on((name, payload) => {
      const frame = `event: message\ndata: ${JSON.stringify({ name, payload })}\n\n`;
      for (const c of sseClients) c.write(frame);
    });
  };
  subscribe();

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!isLoopbackRequest(req, boundPort)) {
        res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('只接受本机访问。');
        return;
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${boundPort}`);
      const p = url.pathname;
      try {
        if (p === '/api/health' && req.method === 'GET') {
          const ctx = opts.getContext();
          sendJson(res, 200, { ok: true, status: ctx.status, host: ctx.host });
        } else if (p.startsWith('/api/rpc/') && req.method === 'POST') {
          if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
            sendJson(res, 415, { ok: false, error: { code: 'VALIDATION', message: '请求格式不正确。' } });
            return;
          }
          const body = await readBody(req, RPC_BODY_LIMIT);
          let input: unknown;
          try {
            input = body.length ? (JSON.parse(body.toString('utf8')) as unknown) : {};
          } catch {
            sendJson(res, 200, { ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON。' } });
            return;
          }
          const result: Result<unknown> = await opts.getContext().dispatch(decodePath(p.slice(9)), input);
          sendJson(res, 200, result);
        } else if (p === '/api/files' && req.method === 'POST') {
          const name = url.searchParams.get('name') ?? 'file';
          const data = await readBody(req, DEFAULT_UPLOAD_LIMIT);
          sendJson(res, 200, { ok: true, data: opts.getContext().files.saveUpload(name, data) });
        } else if (p.startsWith('/api/files/') && req.method === 'GET') {
          const f = opts.getContext().files.resolve(p.slice(11));
          res.writeHead(200, {
            'Content-Type': 'application/octet-stream',
            'Content-Length': String(f.sizeBytes),
            'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
            'Cache-Control': 'no-store',
          });
          fs.createReadStream(f.path).pipe(res);
        } else if (p === '/api/events' && req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
          res.write(': connected\n\n');
          sseClients.add(res);
          req.on('close', () => sseClients.delete(res));
        } else if (p === '/api/test/reset' && req.method === 'POST' && opts.onTestReset) {
          await opts.onTestReset();
          subscribe();
          sendJson(res, 200, { ok: true, data: null });
        } else if (p.startsWith('/api/')) {
          sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '没有这个接口。' } });
        } else if (req.method === 'GET' && opts.webDir) {
          serveStatic(opts.webDir, p, res);
        } else {
          res.writeHead(404);
          res.end();
        }
      } catch (e) {
        const error =
          e instanceof AppError ? e.toData() : { code: 'INTERNAL' as const, message: '程序内部错误，操作未完成。' };
        if (!(e instanceof AppError)) opts.getContext().logger.error('http host error', { path: p, error: e });
        if (res.headersSent) res.end();
        else if (e instanceof TooLarge) {
          res.setHeader('Connection', 'close');
          sendJson(res, 413, { ok: false, error });
        } else sendJson(res, e instanceof BadPath ? 400 : 200, { ok: false, error });
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${boundPort}/`,
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe?.();
        for (const c of sseClients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

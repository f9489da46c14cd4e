import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../electron/core/context';
import { startServer, type RunningServer } from '../../../electron/server/server';
import { createClient } from '../../../renderer/src/api/client';
import { ApiError } from '../../../renderer/src/api/errors';
import type { Transport } from '../../../renderer/src/api/transport';
import { createHttpTransport } from '../../../renderer/src/api/transport-http';
import type { Result } from '../../../shared/result';
import { openTestContext } from '../../helpers/context';

/** A transport that records what reached it and answers with a fixed Result. */
function recordingTransport(answer: Result<unknown>) {
  const sent: { channel: string; input: unknown }[] = [];
  const transport: Transport = {
    kind: 'http',
    invoke: async (channel, input) => {
      sent.push({ channel, input });
      return answer;
    },
    on: () => () => undefined,
  };
  return { transport, sent };
}

describe('createClient', () => {
  it('refuses bad input before it leaves, with the contract’s Chinese message and field paths', async () => {
    const { transport, sent } = recordingTransport({ ok: true, data: null });
    const client = createClient(transport);
    const err = await client.call('settings.update', { fondsCode: 'Z/012' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toBe('输入有误：全宗号只能由字母、数字和连字符组成，最多 20 位');
    expect(e.issues).toEqual([{ path: ['fondsCode'], message: '全宗号只能由字母、数字和连字符组成，最多 20 位' }]);
    expect(sent).toEqual([]);
  });

  it('turns zod’s own messages Chinese too (zod-zh is loaded by the client)', async () => {
    const { transport } = recordingTransport({ ok: true, data: null });
    const e = (await createClient(transport)
      .call('audit.list', { limit: 0 })
      .catch((x: unknown) => x)) as ApiError;
    expect(e.issues[0]?.path).toEqual(['limit']);
    expect(e.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('throws the core’s error as an ApiError carrying code, message and correlation id', async () => {
    const { transport } = recordingTransport({
      ok: false,
      error: { code: 'INTERNAL', message: '程序内部错误，操作未完成。', correlationId: 'ab12cd34' },
    });
    const e = (await createClient(transport)
      .call('app.info', {})
      .catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.message, e.correlationId, e.channel]).toEqual(['INTERNAL', '程序内部错误，操作未完成。', 'ab12cd34', 'app.info']);
  });

  it('passes valid input through unchanged and returns the data', async () => {
    const { transport, sent } = recordingTransport({ ok: true, data: { opened: true } });
    expect(await createClient(transport).call('app.openDataFolder', {})).toEqual({ opened: true });
    expect(sent).toEqual([{ channel: 'app.openDataFolder', input: {} }]);
  });

  it('drops push events whose payload does not match the event schema', () => {
    let emit: (p: unknown) => void = () => undefined;
    const transport: Transport = {
      kind: 'ipc',
      invoke: async () => ({ ok: true, data: null }),
      on: (_e, l) => {
        emit = l as (p: unknown) => void;
        return () => undefined;
      },
    };
    const got: unknown[] = [];
    createClient(transport).on('app:restored', (p) => got.push(p));
    emit({ restoredFrom: 'ledger-x.sqlite' });
    emit({ restoredFrom: 42 });
    expect(got).toEqual([{ restoredFrom: 'ledger-x.sqlite' }]);
  });
});

describe('http transport against the real loopback host', () => {
  let ctx: AppContext;
  let server: RunningServer;
  beforeAll(async () => {
    ctx = await openTestContext();
    server = await startServer({ getContext: () => ctx, webDir: null, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await ctx.close();
  });

  it('saves and reads settings through POST /api/rpc on a real SQLite file', async () => {
    const client = createClient(createHttpTransport({ baseUrl: server.url.replace(/\/$/, '') }));
    const saved = await client.call('settings.update', { unitName: '某某市第一中学', orgCodes: [{ code: 'DQ', name: '党群' }] });
    expect(saved.unitName).toBe('某某市第一中学');
    expect(await client.call('settings.get', {})).toMatchObject({ unitName: '某某市第一中学', orgCodes: [{ code: 'DQ', name: '党群' }] });
    const audit = await client.call('audit.list', { limit: 5 });
    expect(audit[0]?.action).toBe('settings.update');
  });

  it('reports an unreachable host as UNAVAILABLE in Chinese instead of throwing a TypeError', async () => {
    const client = createClient(createHttpTransport({ baseUrl: 'http://127.0.0.1:9' }));
    const e = (await client.call('app.info', {}).catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toMatch(/无法连接到工会台账的数据服务/);
  });
});

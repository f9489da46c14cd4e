import { describe, expect, it } from 'vitest';
import { movable } from '../../../electron/core/threads/run-in-thread';

describe('movable: which byte arrays go to the task thread without a copy', () => {
  it('moves a large array that owns its buffer, once however often it is listed', () => {
    const big = new Uint8Array(256 * 1024);
    expect(movable([big, big])).toEqual([big.buffer]);
  });
  it('never moves a slice of a shared buffer (a pooled Node Buffer, a subarray) or a small array', () => {
    const pooled = Buffer.from('归档');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.byteLength);
    const whole = new Uint8Array(256 * 1024);
    expect(movable([pooled, whole.subarray(10), new Uint8Array(100)])).toEqual([]);
  });
  it('a moved buffer is empty on the sending side afterwards (what the caller gives up)', () => {
    const big = new Uint8Array(128 * 1024).fill(7);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(big, movable([big]));
    expect(big.byteLength).toBe(0);
    port1.close();
    port2.close();
  });
});

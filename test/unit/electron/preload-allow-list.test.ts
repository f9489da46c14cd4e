import { describe, expect, it } from 'vitest';
import { contract, events } from '../../../shared/contract';
import { ALLOWED_CHANNELS, ALLOWED_EVENTS } from '../../../electron/preload/allow-list';

const sorted = (xs: readonly string[]) => [...xs].sort();

describe('preload allow-list', () => {
  it('lists exactly the contract channels (add a new channel to electron/preload/allow-list.ts too)', () => {
    expect(new Set(ALLOWED_CHANNELS).size).toBe(ALLOWED_CHANNELS.length);
    expect(sorted(ALLOWED_CHANNELS)).toEqual(sorted(Object.keys(contract)));
  });

  it('lists exactly the push events', () => {
    expect(new Set(ALLOWED_EVENTS).size).toBe(ALLOWED_EVENTS.length);
    expect(sorted(ALLOWED_EVENTS)).toEqual(sorted(Object.keys(events)));
  });
});

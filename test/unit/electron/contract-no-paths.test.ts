import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';

/**
 * The renderer is untrusted, so no channel input may carry a file system location: files cross the contract
 * as opaque tokens. This walks every input schema and fails on a key that names a path, folder or file.
 */
const FORBIDDEN_KEY = (key: string): boolean =>
  /path|folder|directory/i.test(key) || /dirs?$/i.test(key) || /^(file|files|filename|filenames|location|url|uri)$/i.test(key);

/** Reviewed exceptions, `channel:key.path` → why it is not a location. None so far. */
const REVIEWED: Record<string, string> = {};

interface ZodInternals {
  _zod: { def: Record<string, unknown> & { type: string } };
}

/** Every object key reachable in a zod 4 schema, as dotted paths. */
export function inputKeys(schema: z.ZodType): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (s: unknown, prefix: string) => {
    if (!s || typeof s !== 'object' || seen.has(s) || !('_zod' in s)) return;
    seen.add(s);
    const def = (s as ZodInternals)._zod.def;
    switch (def.type) {
      case 'object': {
        for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
          out.push(prefix + k);
          walk(v, `${prefix}${k}.`);
        }
        walk(def.catchall, prefix);
        break;
      }
      case 'array':
        walk(def.element, prefix);
        break;
      case 'union':
        for (const o of def.options as unknown[]) walk(o, prefix);
        break;
      case 'intersection':
        walk(def.left, prefix);
        walk(def.right, prefix);
        break;
      case 'record':
      case 'map':
        walk(def.keyType, prefix);
        walk(def.valueType, prefix);
        break;
      case 'tuple':
        for (const i of def.items as unknown[]) walk(i, prefix);
        walk(def.rest, prefix);
        break;
      case 'pipe':
        walk(def.in, prefix);
        walk(def.out, prefix);
        break;
      case 'lazy':
        walk((def.getter as () => unknown)(), prefix);
        break;
      default:
        // optional, nullable, default, prefault, readonly, catch, nonoptional, promise, set …
        walk(def.innerType, prefix);
        walk(def.valueType, prefix);
    }
  };
  walk(schema, '');
  return out;
}

const lastKey = (dotted: string) => dotted.split('.').pop() ?? dotted;

describe('contract inputs carry no file paths', () => {
  it('the walker reaches keys inside unions, arrays, partials and defaults', () => {
    const sample = z
      .object({
        token: z.string(),
        rows: z.array(z.object({ sourcePath: z.string() })).optional(),
        target: z.union([z.object({ outputDir: z.string() }), z.object({ name: z.string() })]),
        note: z.string().default(''),
        extra: z.record(z.string(), z.object({ fileName: z.string() })),
      })
      .partial()
      .strict();
    const keys = inputKeys(sample);
    expect(keys).toEqual(
      expect.arrayContaining(['token', 'rows', 'rows.sourcePath', 'target.outputDir', 'target.name', 'note', 'extra.fileName']),
    );
    expect(keys.filter((k) => FORBIDDEN_KEY(lastKey(k)))).toEqual(['rows.sourcePath', 'target.outputDir', 'extra.fileName']);
  });

  it('sees the real contract (tokens, union branches, nested settings keys)', () => {
    expect(inputKeys(contract['backup.restore'].input)).toEqual(expect.arrayContaining(['name', 'token']));
    expect(inputKeys(contract['settings.update'].input)).toEqual(expect.arrayContaining(['orgCodes', 'orgCodes.code']));
  });

  it('no channel input has a path-like key', () => {
    const offenders: string[] = [];
    for (const [channel, def] of Object.entries(contract)) {
      for (const key of inputKeys(def.input)) {
        const id = `${channel}:${key}`;
        if (FORBIDDEN_KEY(lastKey(key)) && !(id in REVIEWED)) offenders.push(id);
      }
    }
    expect(offenders, 'pass files as FileRef tokens (shared/contract/app.ts fileToken), never as paths').toEqual([]);
  });
});

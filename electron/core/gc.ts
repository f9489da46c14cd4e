/**
 * A full garbage collection on request, for a worker thread doing one long batch (the import thread): V8
 * decides by itself when to collect the old generation, and under a fast stream of short-lived rows it lets
 * the heap grow to about twice what is live first. Exposing gc at run time is V8's own flag; where it is not
 * available the call does nothing and V8 collects as usual.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null | undefined;

export function collectGarbage(): boolean {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  if (!gc) return false;
  gc();
  return true;
}

/**
 * Long loops on the main process give the event loop a turn now and then: in Electron the main process draws
 * nothing while it is busy (issue 15 item 16: no stall over 100 ms). `pacer()` yields only when `everyMs` has
 * passed since its last turn, so a fast loop pays nothing for it.
 */
export function pacer(everyMs = 25): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    last = performance.now();
  };
}

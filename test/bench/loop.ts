/**
 * The main thread's event loop during a long job (issue 15 item 16: max ≤ 100 ms), and where it stalled.
 *
 * `perf_hooks.monitorEventLoopDelay` gives the max; a 5 ms interval beside it names each stall over 40 ms
 * by the phase the job was in (its last progress label, or a label the bench set), so a figure over target
 * says which step to split.
 */
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Stall {
  at: number;
  ms: number;
  phase: string;
  /** The job's own function the CPU profile was in during the stall, and the library call under it. */
  where?: string;
  /** The stall's window on the profiler's clock (µs, monotonic, as `process.hrtime`). */
  fromUs?: number;
  toUs?: number;
}

export interface LoopFigures<T> {
  value: T;
  /** Longest event-loop delay on the main thread during the job (ms). */
  maxMs: number;
  /** The job's own wall time (ms). */
  ms: number;
  /** Every stall over 40 ms, with the phase it happened in. */
  stalls: Stall[];
  /**
   * The main thread's longest stretch of its own work (ms), from a CPU profile of it: what the code holds
   * the loop for, apart from the time a busy machine simply does not run the process (which `maxMs` counts).
   */
  busyMs: number;
  busyWhere: string;
}

type Profile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
};

// Frames that say nothing about which step stalled: async plumbing of the bundle (tslib's __awaiter) and Node's.
const PLUMBING = /^(|\(root\)|__awaiter|step|fulfilled|rejected|processTicksAndRejections|processImmediate|listOnTimeout|runNextTicks)$/;

/**
 * Names each stall by the samples the profiler took inside it: the innermost frame of the job's own code (the
 * bundle, not node_modules or node:) most samples were under, and the most common library frame beneath it. A
 * figure over target then says which loop to split (`binderPdf › PDFEmbeddedPage.embed`), not only when.
 */
function attribute(p: Profile, stalls: Stall[]): void {
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = (url: string) => url !== '' && !url.includes('node_modules') && !url.startsWith('node:');
  const label = (id: number): string | null => {
    let mine: string | null = null;
    let lib: string | null = null;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = nodes.get(at)!.callFrame;
      if (PLUMBING.test(f.functionName)) continue;
      if (own(f.url)) {
        mine = f.functionName || '(anonymous)';
        break;
      }
      lib ??= f.functionName || '(anonymous)';
    }
    return mine || lib ? [mine ?? '?', lib].filter(Boolean).join(' › ') : null;
  };
  const times: number[] = [];
  let t = p.startTime;
  for (const d of p.timeDeltas) times.push((t += d));
  for (const s of stalls) {
    if (s.fromUs === undefined || s.toUs === undefined) continue;
    const seen = new Map<string, number>();
    for (let i = 0; i < p.samples.length; i++) {
      if (times[i]! < s.fromUs || times[i]! > s.toUs) continue;
      const l = label(p.samples[i]!);
      if (l) seen.set(l, (seen.get(l) ?? 0) + 1);
    }
    // The two commonest, with their sample counts (≈ ms at the 1 ms sampling interval).
    const best = [...seen.entries()].sort((a, b) => b[1] - a[1]).slice(0, process.env.BENCH_STALLS === 'all' ? 6 : 2);
    if (best.length) s.where = best.map(([l, n]) => `${l} ${n}`).join(', ');
  }
}

/** Longest run of consecutive non-idle samples, and the function most of it was in. */
function longestBusy(p: Profile): { ms: number; where: string } {
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  // (program) is native work outside JS (message decoding, libuv): the main thread's too, so it counts as busy.
  const idle = (id: number) => nodes.get(id)?.callFrame.functionName === '(idle)';
  let best = { ms: 0, where: '—' };
  let run = 0;
  const seen = new Map<string, number>();
  // The profiler's own start is the first busy stretch; the job begins after the idle wait that follows it.
  const first = p.samples.findIndex(idle);
  for (let i = Math.max(0, first); i < p.samples.length; i++) {
    const id = p.samples[i]!;
    if (idle(id)) {
      run = 0;
      seen.clear();
      continue;
    }
    // A sample stands for the time since the one before it, at most 3 intervals: a longer gap is the sampler
    // itself not being run (a loaded machine), not work of this thread.
    run += Math.min(3, (p.timeDeltas[i] ?? 0) / 1000);
    const f = nodes.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
    if (run > best.ms) best = { ms: run, where: [...seen.entries()].sort((a, b) => b[1] - a[1])[0]![0] };
  }
  return best;
}

export class PhaseTracker {
  phase = 'start';
  set(p: string): void {
    this.phase = p;
  }
}

export async function traceLoop<T>(work: () => Promise<T>, phases: PhaseTracker = new PhaseTracker()): Promise<LoopFigures<T>> {
  // The profiler first: starting it takes the main thread for a moment, which is not the job's.
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  await new Promise((r) => setTimeout(r, 20));
  const h = monitorEventLoopDelay({ resolution: 10 });
  const stalls: Stall[] = [];
  const t0 = performance.now();
  let last = t0;
  // The phase the loop was in when it stalled is the one before the tick that finally ran.
  let phaseBefore = phases.phase;
  const us = () => Number(process.hrtime.bigint() / 1000n);
  let lastUs = us();
  const timer = setInterval(() => {
    const now = performance.now();
    const nowUs = us();
    const gap = now - last - 5;
    if (gap > (process.env.BENCH_STALLS === 'all' ? 20 : 40)) stalls.push({ at: last - t0, ms: gap, phase: phaseBefore === phases.phase ? phases.phase : `${phaseBefore} → ${phases.phase}`, fromUs: lastUs, toUs: nowUs });
    last = now;
    lastUs = nowUs;
    phaseBefore = phases.phase;
  }, 5);
  h.enable();
  try {
    const value = await work();
    const end = performance.now();
    // A stall that lasts to the job's end (or the whole job, when it never yields) is only seen by the next
    // tick: let both timers fire once more before reading them, or a fully synchronous job reads as 0 ms.
    await new Promise((r) => setTimeout(r, 30));
    const worst = Math.max(h.max / 1e6, ...stalls.map((s) => s.ms));
    // Stopped before it is read: stopping takes the main thread too (the profile is built there).
    h.disable();
    clearInterval(timer);
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    attribute(profile, stalls);
    // BENCH_STALLS=1: every stall on stderr, at the process's own clock (as --trace-gc prints it); =all: every
    // one over 20 ms, with the six commonest frames in each.
    if (process.env.BENCH_STALLS) for (const s of stalls) console.error(`stall ${s.ms.toFixed(0)} ms at ${(t0 + s.at).toFixed(0)} ms: ${s.phase}${s.where ? ` (${s.where})` : ''}`);
    const busy = longestBusy(profile);
    return { value, maxMs: worst, ms: end - t0, stalls, busyMs: busy.ms, busyWhere: busy.where };
  } finally {
    h.disable();
    clearInterval(timer);
    session.disconnect();
  }
}

export const verdict = (maxMs: number) => (maxMs <= 100 ? '达标' : '未达标');

/** The three longest stalls, for the table. */
export const worstStalls = (s: Stall[]) =>
  [...s]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((x) => `${x.ms.toFixed(0)} ms @${(x.at / 1000).toFixed(2)}s ${x.phase}${x.where ? ` (${x.where})` : ''}`)
    .join('; ') || '—';

import { useEffect, useRef, useState } from 'react';
import type { ChannelName } from '../../../../shared/contract';
import { api } from '../../api';

/** A job's stop channel: every `….…Cancel` of the contract takes `{ jobId }` (cancelChannel). */
type CancelChannel = Extract<ChannelName, `${string}Cancel`>;

const SLOW_MS = 400;

export interface JobProgress {
  label: string;
  done: number;
  total: number | null;
}

/** A fresh id for one preview or commit: its progress:update events and the cancel channel use it. */
export const newJobId = (): string => `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Runs one long call (preview, commit) under a job id: its progress from the main process, and a cancel that
 * asks the main process to stop (the call then fails with CANCELLED and nothing was written).
 */
/** `cancelChannel`: the record type's `<type>.importCancel`; none for a job that cannot be stopped (a backup). */
export function useJob(cancelChannel?: CancelChannel) {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  // Quick jobs (a small file) finish before a progress panel would be worth showing; slow ones show it.
  const [slow, setSlow] = useState(false);
  const jobRef = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('progress:update', (p) => {
        if (p.jobId === jobRef.current) setProgress({ label: p.label, done: p.done, total: p.total });
      }),
    [],
  );

  async function run<T>(fn: (jobId: string) => Promise<T>): Promise<T> {
    const id = newJobId();
    jobRef.current = id;
    setProgress({ label: '正在准备', done: 0, total: null });
    setRunning(true);
    const timer = setTimeout(() => jobRef.current === id && setSlow(true), SLOW_MS);
    try {
      return await fn(id);
    } finally {
      clearTimeout(timer);
      if (jobRef.current === id) {
        jobRef.current = null;
        setRunning(false);
        setSlow(false);
        setProgress(null);
      }
    }
  }

  const cancel = () => {
    const id = jobRef.current;
    if (id && cancelChannel) void api.call(cancelChannel, { jobId: id }).catch(() => undefined);
  };

  return { progress, running, slow, run, cancel };
}

/** 0–100 for a Progress bar; phases without a known total show an indeterminate 0. */
export const percentOf = (p: JobProgress | null): number => (p && p.total ? Math.min(100, Math.round((p.done / p.total) * 100)) : 0);

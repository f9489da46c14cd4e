import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../../../shared/contract';
import { api } from '../../../api';

export interface JobProgress {
  label: string;
  done: number;
  total: number | null;
}

const newJobId = () => `pimp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Runs one long import call at a time under a fresh job id: the core's progress:update events for that id
 * become `progress`, and cancel() asks the core to stop it (imports.cancel serves every import job). A
 * cancelled call rejects with the core's CANCELLED error, which says nothing was written.
 */
export function useImportJob() {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      api.on('progress:update', (p) => {
        if (p.jobId === current.current) setProgress({ label: p.label, done: p.done, total: p.total });
      }),
    [],
  );

  const run = useCallback(async <C extends ChannelName>(channel: C, input: Omit<ChannelInput<C>, 'jobId'>): Promise<ChannelOutput<C>> => {
    const jobId = newJobId();
    current.current = jobId;
    setProgress(null);
    setRunning(true);
    try {
      return await api.call(channel, { ...input, jobId } as ChannelInput<C>);
    } finally {
      if (current.current === jobId) {
        current.current = null;
        setRunning(false);
      }
    }
  }, []);

  const cancel = useCallback(async () => {
    const jobId = current.current;
    if (jobId) await api.call('imports.cancel', { jobId });
  }, []);

  return { run, cancel, progress, running };
}

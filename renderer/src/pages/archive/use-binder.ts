import { useEffect, useRef, useState } from 'react';
import type { Retention } from '../../../../shared/domain/archive-labels';
import { api } from '../../api';
import { useMakeFile } from '../../components/print/use-make-file';

export interface BinderProgress {
  done: number;
  total: number | null;
}

/** The binder PDF as a job: progress from the core (progress:update) and 取消 (archive.binderCancel). */
export function useBinder(year: number) {
  const [progress, setProgress] = useState<BinderProgress | null>(null);
  const jobRef = useRef<string | null>(null);
  const file = useMakeFile<Retention>();
  useEffect(
    () =>
      api.on('progress:update', (p) => {
        if (p.jobId === jobRef.current) setProgress({ done: p.done, total: p.total });
      }),
    [],
  );
  const make = (retention: Retention) =>
    file.make(
      retention,
      async () => {
        const jobId = `binder-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
        jobRef.current = jobId;
        setProgress({ done: 0, total: null });
        try {
          return await api.call('archive.binderPdf', { year, retention, jobId });
        } finally {
          jobRef.current = null;
          setProgress(null);
        }
      },
      '装订 PDF',
    );
  const cancel = () => {
    const id = jobRef.current;
    if (id) void api.call('archive.binderCancel', { jobId: id }).catch(() => undefined);
  };
  return { progress, making: file.making, problem: file.problem, make, cancel };
}

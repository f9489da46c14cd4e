import { useState } from 'react';
import { ApiError, errorMessage } from '../../api';

/**
 * One wizard step's call: a failure (or a cancel) becomes the message shown above the step, and the step stays
 * where it was, so the clerk can correct and retry without starting over.
 */
export function useAttempt() {
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = async (work: () => Promise<void>) => {
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(e instanceof ApiError && e.code === 'CANCELLED' ? '已取消，没有写入任何数据。' : errorMessage(e));
    }
  };
  return { problem, setProblem, attempt };
}

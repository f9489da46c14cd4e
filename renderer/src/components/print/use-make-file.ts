import { App } from 'antd';
import { useState } from 'react';
import type { FileRef } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { saveFile } from '../../api/platform';

/**
 * Makes a file in the core and hands it to the clerk: a save dialog in Electron, a download in the browser.
 * One at a time; `making` names the kind being made so only its button spins.
 */
export function useMakeFile<K extends string>() {
  const { message } = App.useApp();
  const [making, setMaking] = useState<K | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  /** `label` (e.g. PDF) goes into the success message; without it the message just says it is done. `produce`
   * gives null when the clerk cancelled a question on the way (the 导出原因 dialog): nothing is said then. */
  const make = async (kind: K, produce: () => Promise<FileRef | null>, label?: string) => {
    if (making) return;
    setMaking(kind);
    setProblem(null);
    try {
      const ref = await produce();
      if (!ref) return;
      const saved = await saveFile(ref);
      const what = label ? ` ${label}` : '';
      if (saved) message.success(api.transport === 'ipc' ? `已保存${what}` : `已生成${what}：${ref.fileName}`);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setMaking(null);
    }
  };
  return { making, problem, setProblem, make };
}

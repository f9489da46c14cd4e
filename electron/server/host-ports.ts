import { spawn } from 'node:child_process';
import type { HostPorts } from '../core/context.types';
import { createChromiumPdf } from '../core/print/pdf-chromium';

/** The browser host runs on the clerk's own machine, so it can open the folder in the system file manager. */
function openFolder(dir: string): Promise<boolean> {
  const cmd = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  return new Promise((resolve) => {
    try {
      const child = spawn(cmd, [dir], { detached: true, stdio: 'ignore' });
      child.on('error', () => resolve(false));
      child.unref();
      setTimeout(() => resolve(true), 200);
    } catch {
      resolve(false);
    }
  });
}

export function browserHostPorts(): HostPorts & { pdf: ReturnType<typeof createChromiumPdf> } {
  return { openFolder, pdf: createChromiumPdf() };
}

import type { FileRef } from '../../../shared/contract';
import { fileRef } from '../../../shared/contract';
import { api } from './index';
import { ApiError } from './errors';

/**
 * Files cross the contract as opaque tokens. In Electron the main process shows the native dialog and
 * registers the chosen file; in the browser the clerk picks with <input type=file> and the bytes are
 * uploaded to the loopback host, which answers with a token. Pages never see the difference.
 */
export interface PickOptions {
  title: string;
  /** Lower-case extensions without the dot, e.g. ['xlsx', 'csv']. */
  extensions: string[];
}

export async function pickFile(opts: PickOptions): Promise<FileRef | null> {
  if (api.transport === 'ipc') return api.call('files.pickOpen', opts);
  const file = await chooseInBrowser(opts);
  return file ? uploadFile(file) : null;
}

/** Electron: a native save dialog (false when the clerk cancels). Browser: an ordinary download. */
export async function saveFile(ref: FileRef): Promise<boolean> {
  if (api.transport === 'ipc') return (await api.call('files.saveAs', { token: ref.token })).saved;
  const a = document.createElement('a');
  a.href = `/api/files/${encodeURIComponent(ref.token)}`;
  a.download = ref.fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  return true;
}

function chooseInBrowser(opts: PickOptions): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = opts.extensions.map((e) => `.${e}`).join(',');
    input.title = opts.title;
    input.style.display = 'none';
    input.dataset.pick = 'ledger';
    const done = (f: File | null) => {
      input.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

async function uploadFile(file: File): Promise<FileRef> {
  let body: unknown;
  try {
    const res = await fetch(`/api/files?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      body: file,
    });
    body = await res.json();
  } catch {
    throw new ApiError({ code: 'UNAVAILABLE', message: '上传文件失败，请确认程序仍在运行后重试。' }, 'files.upload');
  }
  const r = body as { ok?: boolean; data?: unknown; error?: { code: 'VALIDATION'; message: string } };
  if (!r.ok) throw new ApiError(r.error ?? { code: 'INTERNAL', message: '上传文件失败。' }, 'files.upload');
  return fileRef.parse(r.data);
}

import type { AttachmentInfo, UploadInfo } from '../../../../shared/contract';
import { api } from '../../api';
import { pickFile, saveFile } from '../../api/platform';

/** True in the desktop app, where an attachment opens in the system viewer; the browser downloads instead. */
export const canOpenInViewer = (): boolean => api.transport === 'ipc';

/** Opens with the system viewer (desktop) or downloads (browser). */
export async function openAttachment(a: Pick<AttachmentInfo, 'id'>): Promise<'opened' | 'downloaded' | 'cancelled'> {
  if (canOpenInViewer()) {
    const { opened } = await api.call('disclosures.openAttachment', { attachmentId: a.id });
    return opened ? 'opened' : 'cancelled';
  }
  return (await downloadAttachment(a)) ? 'downloaded' : 'cancelled';
}

/** Browser: a download. Desktop: 另存为 with the native dialog. */
export async function downloadAttachment(a: Pick<AttachmentInfo, 'id'>): Promise<boolean> {
  const ref = await api.call('disclosures.attachmentFile', { attachmentId: a.id });
  return saveFile(ref);
}

/** The clerk picks a file; the core checks size and type before the form is saved. */
export async function chooseAttachment(): Promise<UploadInfo | null> {
  const ref = await pickFile({ title: '选择附件（扫描件、照片、PDF、Word 等）', extensions: [] });
  if (!ref) return null;
  return api.call('disclosures.inspectUpload', { token: ref.token });
}

import fs from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell, type FileFilter } from 'electron';
import type { HostPorts, PdfOptions, PdfPort } from '../core/context.types';
import { AppError } from '../core/errors';
import { safeFileName } from '../core/files/file-store';
import { withPrintFile } from '../core/print/html-file';
import { isAllowedPrintRequest, PRINT_PARTITION, printWindowOptions } from './window-options';

/** Dialogs belong to the main window when there is one, so they are modal and stay on top of it. */
type GetWindow = () => BrowserWindow | null;

export function filtersFor(extensions: string[]): FileFilter[] {
  if (extensions.length === 0) return [{ name: '所有文件', extensions: ['*'] }];
  return [{ name: `支持的文件（${extensions.map((e) => `*.${e}`).join('、')}）`, extensions }];
}

async function openFolder(dir: string): Promise<boolean> {
  // openPath answers with an error string, empty on success.
  return (await shell.openPath(dir)) === '';
}

/** An attachment's read-only copy, opened by whatever program the system has for its type. */
async function openFile(filePath: string): Promise<boolean> {
  return (await shell.openPath(filePath)) === '';
}

function pickOpen(getWindow: GetWindow): NonNullable<HostPorts['pickOpen']> {
  return async ({ title, extensions }) => {
    const options = { title, properties: ['openFile' as const], filters: filtersFor(extensions) };
    const win = getWindow();
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
}

function saveAs(getWindow: GetWindow): NonNullable<HostPorts['saveAs']> {
  return async (sourcePath, suggestedName) => {
    const name = safeFileName(suggestedName);
    const ext = path.extname(name).slice(1).toLowerCase();
    const options = {
      title: '另存为',
      defaultPath: path.join(app.getPath('documents'), name),
      filters: ext ? filtersFor([ext]) : [],
    };
    const win = getWindow();
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return false;
    try {
      await fs.copyFile(sourcePath, r.filePath);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      throw new AppError(
        'VALIDATION',
        code === 'EBUSY' || code === 'EPERM'
          ? '文件无法写入：目标文件可能正被其他程序（如 Excel）打开，请关闭后重试。'
          : `文件保存失败（${code || '未知原因'}），请换一个位置重试。`,
      );
    }
    return true;
  };
}

let printSessionReady = false;
function preparePrintSession(): void {
  if (printSessionReady) return;
  const s = session.fromPartition(PRINT_PARTITION);
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedPrintRequest(details.url) }));
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  printSessionReady = true;
}

/**
 * printToPDF in a hidden window with JavaScript off. The HTML goes through a temp file rather than a data:
 * URL because a catalogue of a few thousand rows exceeds Chromium's URL length limit.
 */
export function electronPdf(): PdfPort {
  const renderFile = async (parts: Iterable<string>, opts: PdfOptions) => {
    preparePrintSession();
    const win = new BrowserWindow(printWindowOptions());
    try {
      return await withPrintFile(parts, async (url) => {
        await win.loadURL(url);
        return win.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          landscape: opts.landscape ?? false,
        });
      });
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  };
  return {
    render: (html, opts = {}) => renderFile([html], opts),
    // A document too large for one string (收缴清单 of 100,000 members): written a part at a time, with turns.
    renderParts: (parts, opts = {}) => renderFile(parts, opts),
  };
}

export function electronPorts(getWindow: GetWindow): HostPorts {
  return { openFolder, openFile, pickOpen: pickOpen(getWindow), saveAs: saveAs(getWindow), pdf: electronPdf() };
}

/**
 * Types of the context's options and of its host ports, with no code: hosts (Electron, the browser host, the
 * CLI) and port implementations import these without pulling in the context, the router or the handlers.
 */
import type { AppInfo } from '../../shared/contract/app';
import type { RetentionPolicy } from './db/backup';
import type { Logger } from './log';

export type HostKind = AppInfo['host'];

export interface PdfOptions {
  landscape?: boolean;
}
/** Turns printable HTML into PDF bytes: Electron's printToPDF, or Chromium through playwright-core. */
export interface PdfPort {
  render(html: string, opts?: PdfOptions): Promise<Buffer>;
  /**
   * The same for a document too large to hold as one string on the main process (收缴清单 of 100,000 members,
   * ~45 MB): the port writes the parts to its print file one at a time with turns of the event loop between them
   * (print/html-file.ts), then renders that file.
   */
  renderParts?(parts: Iterable<string>, opts?: PdfOptions): Promise<Buffer>;
}

/** What only a host can do. A missing port makes its channel answer UNAVAILABLE. */
export interface HostPorts {
  openFolder?(dir: string): Promise<boolean>;
  pickOpen?(opts: { title: string; extensions: string[] }): Promise<string | null>;
  saveAs?(sourcePath: string, suggestedName: string): Promise<boolean>;
  /** Opens a file with the system's viewer for its type (attachments in Electron). */
  openFile?(filePath: string): Promise<boolean>;
  pdf?: PdfPort;
}

export interface ContextOptions {
  dataDir: string;
  host: HostKind;
  clock?: () => Date;
  logger?: Logger;
  ports?: HostPorts;
  retention?: RetentionPolicy;
  /** Interval of the backup-while-changed timer; 0 turns it off (CLI, tests). */
  autoBackupMs?: number;
  checkOutputs?: boolean;
}

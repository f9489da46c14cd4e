/**
 * What a file really is, read from its first bytes (magic numbers) rather than trusted from its name, and
 * whether it could run as a program. Attachments are scans, photos, PDFs and office documents; a program
 * has no business in a union office's records, and a renamed one (报告.pdf that starts with MZ) is exactly
 * what a name check alone would let through.
 */

export interface FileType {
  mime: string;
  /** 类型 as the clerk reads it. */
  kind: string;
  /** Extensions this content is opened with, the usual one first; empty when unknown. */
  exts: readonly string[];
  executable: boolean;
}

/** Every type this module can name, so a stored MIME type can be put back into words (kindForMime). */
const KNOWN: FileType[] = [];
const T = (mime: string, kind: string, exts: string[], executable = false): FileType => {
  const t = { mime, kind, exts, executable };
  KNOWN.push(t);
  return t;
};

export const UNKNOWN_TYPE = T('application/octet-stream', '其他文件', []);
const PROGRAM = (what: string) => T('application/x-executable', what, [], true);

/**
 * Names Windows (or another desktop) would run, install, mount or follow: programs, scripts, installers,
 * shortcuts, control-panel items, compiled help, disk images that auto-mount (a known way to smuggle programs).
 */
export const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set([
  'exe', 'dll', 'com', 'scr', 'pif', 'cpl', 'sys', 'drv', 'ocx', 'efi', 'xll',
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'ps1xml', 'ps2', 'ps2xml', 'psc1', 'psc2', 'msh', 'msh1', 'msh2', 'mshxml',
  'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'wsc', 'hta', 'sct',
  'msi', 'msp', 'mst', 'appx', 'appxbundle', 'msix', 'msixbundle', 'application', 'appref-ms', 'gadget',
  'lnk', 'url', 'scf', 'inf', 'reg', 'chm',
  'jar', 'class', 'apk', 'sh', 'bash', 'csh', 'ksh', 'zsh', 'command', 'app', 'run', 'deb', 'rpm', 'dmg', 'pkg',
  'iso', 'img', 'vhd', 'vhdx',
]);

/** Office and other ZIP-based formats, told apart by an entry name inside the archive. */
const ZIP_KINDS: { marker: string; type: FileType }[] = [
  { marker: 'AndroidManifest.xml', type: PROGRAM('安卓安装包') },
  { marker: 'META-INF/MANIFEST.MF', type: PROGRAM('Java 程序') },
  { marker: 'word/', type: T('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word 文档', ['docx', 'docm']) },
  { marker: 'xl/', type: T('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel 表格', ['xlsx', 'xlsm']) },
  { marker: 'ppt/', type: T('application/vnd.openxmlformats-officedocument.presentationml.presentation', 'PowerPoint 演示文稿', ['pptx', 'pptm']) },
  { marker: 'OFD.xml', type: T('application/ofd', 'OFD 版式文档', ['ofd']) },
  { marker: 'vnd.oasis.opendocument.text', type: T('application/vnd.oasis.opendocument.text', 'ODF 文档', ['odt']) },
  { marker: 'vnd.oasis.opendocument.spreadsheet', type: T('application/vnd.oasis.opendocument.spreadsheet', 'ODF 表格', ['ods']) },
];
const ZIP = T('application/zip', 'ZIP 压缩包', ['zip']);

/** Old binary Office files share one container (OLE/CFB); WPS uses it too. The name tells which program. */
const OLE_BY_EXT: Record<string, FileType> = {
  doc: T('application/msword', 'Word 文档（旧格式）', ['doc']),
  wps: T('application/msword', 'WPS 文字文档', ['wps']),
  xls: T('application/vnd.ms-excel', 'Excel 表格（旧格式）', ['xls']),
  et: T('application/vnd.ms-excel', 'WPS 表格', ['et']),
  ppt: T('application/vnd.ms-powerpoint', 'PowerPoint 演示文稿（旧格式）', ['ppt']),
  dps: T('application/vnd.ms-powerpoint', 'WPS 演示', ['dps']),
};
const OLE = T('application/x-ole-storage', 'Office 文档（旧格式）', ['doc', 'xls', 'ppt']);

const startsWith = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (b: Buffer, s: string, at = 0) => b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s;

/**
 * The last extension of a name as Windows sees it: trailing dots and spaces are ignored by Windows
 * ("a.exe. " runs a.exe), and an NTFS stream suffix ("a.exe:x") is not part of it.
 */
export function extensionOf(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').split(':')[0]!.replace(/[. ]+$/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 || (dot === 0 && base.length > 1) ? base.slice(dot + 1).toLowerCase() : '';
}

export const isExecutableName = (name: string): boolean => EXECUTABLE_EXTENSIONS.has(extensionOf(name));

/** Plain text: no NUL bytes, and readable as UTF-8 (or mostly printable, for GBK files). */
function looksLikeText(head: Buffer): boolean {
  if (!head.length || head.includes(0)) return false;
  let printable = 0;
  for (const c of head) if (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c >= 0x80) printable++;
  return printable / head.length > 0.97;
}

/**
 * Sniffs `head` (the first few KB) and, for ZIP and OLE containers, `tail` (the last KB, where a ZIP lists
 * its entries) and the OLE root entry's class id (which marks Windows Installer packages).
 */
export function sniffType(head: Buffer, name: string, extra: { tail?: Buffer; oleRootClsid?: Buffer | null } = {}): FileType {
  const ext = extensionOf(name);
  // Programs first: these refuse whatever the name says.
  if (ascii(head, 'MZ')) return PROGRAM('Windows 程序');
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return PROGRAM('Linux 程序');
  if (ascii(head, '#!')) return PROGRAM('脚本程序');
  for (const sig of [[0xfe, 0xed, 0xfa, 0xce], [0xfe, 0xed, 0xfa, 0xcf], [0xce, 0xfa, 0xed, 0xfe], [0xcf, 0xfa, 0xed, 0xfe], [0xca, 0xfe, 0xba, 0xbe]]) {
    if (startsWith(head, sig)) return PROGRAM('macOS 或 Java 程序');
  }
  if (startsWith(head, [0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00])) return PROGRAM('Windows 快捷方式');

  if (ascii(head, '%PDF-')) return T('application/pdf', 'PDF 文档', ['pdf']);
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return T('image/png', 'PNG 图片', ['png']);
  if (startsWith(head, [0xff, 0xd8, 0xff])) return T('image/jpeg', 'JPEG 图片', ['jpg', 'jpeg']);
  if (ascii(head, 'GIF87a') || ascii(head, 'GIF89a')) return T('image/gif', 'GIF 图片', ['gif']);
  if (ascii(head, 'II*\0') || ascii(head, 'MM\0*')) return T('image/tiff', 'TIFF 图片', ['tif', 'tiff']);
  if (ascii(head, 'RIFF') && ascii(head, 'WEBP', 8)) return T('image/webp', 'WebP 图片', ['webp']);
  if (ascii(head, 'BM') && head.length > 18 && [12, 40, 52, 56, 108, 124].includes(head.readUInt32LE(14))) {
    return T('image/bmp', 'BMP 图片', ['bmp']);
  }
  if (ascii(head, 'ftyp', 4)) {
    const brand = head.toString('latin1', 8, 12);
    if (/^(heic|heix|hevc|mif1|msf1)$/.test(brand)) return T('image/heic', 'HEIC 图片', ['heic', 'heif']);
    return T('video/mp4', '视频', ['mp4', 'mov', 'm4v']);
  }
  if (ascii(head, 'ID3') || startsWith(head, [0xff, 0xfb])) return T('audio/mpeg', '音频', ['mp3']);
  if (ascii(head, '{\\rtf')) return T('application/rtf', 'RTF 文档', ['rtf']);
  if (ascii(head, 'Rar!\x1a\x07')) return T('application/vnd.rar', 'RAR 压缩包', ['rar']);
  if (startsWith(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return T('application/x-7z-compressed', '7z 压缩包', ['7z']);
  if (startsWith(head, [0x1f, 0x8b])) return T('application/gzip', 'GZIP 压缩包', ['gz']);

  if (ascii(head, 'PK\x03\x04') || ascii(head, 'PK\x05\x06')) {
    const names = Buffer.concat([head, extra.tail ?? Buffer.alloc(0)]).toString('latin1');
    return ZIP_KINDS.find((z) => names.includes(z.marker))?.type ?? ZIP;
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Windows Installer packages (.msi/.msp/.mst) are OLE files whose root entry carries class id
    // {000C108x-0000-0000-C000-000000000046}; renamed to .doc they would still install when opened.
    const c = extra.oleRootClsid;
    if (c && c.length >= 16 && [0x82, 0x84, 0x86].includes(c[0]!) && startsWith(c, [0x10, 0x0c, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0, 0, 0, 0, 0, 0, 0x46], 1)) {
      return PROGRAM('Windows 安装包');
    }
    return OLE_BY_EXT[ext] ?? OLE;
  }
  const lead = head.toString('utf8', 0, Math.min(head.length, 256)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (lead.startsWith('<!doctype html') || lead.startsWith('<html')) return T('text/html', '网页文件', ['html', 'htm']);
  if (lead.startsWith('<svg') || (lead.startsWith('<?xml') && lead.includes('<svg'))) return T('image/svg+xml', 'SVG 图片', ['svg']);
  if (looksLikeText(head)) {
    if (ext === 'csv') return T('text/csv', 'CSV 表格', ['csv']);
    return T('text/plain', '文本文件', ['txt']);
  }
  return UNKNOWN_TYPE;
}

/** The type of a stored MIME type; the name's extension picks among types sharing one (Word / WPS). */
export function typeForMime(mime: string, name: string): FileType {
  const ext = extensionOf(name);
  const same = KNOWN.filter((t) => t.mime === mime);
  return same.find((t) => t.exts.includes(ext)) ?? same[0] ?? UNKNOWN_TYPE;
}

// Bidirectional overrides make "报告‮fdp.exe" display as "报告exe.pdf"; zero-width characters hide things.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
export const INVISIBLE = /[\u0000-\u001f\u007f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * The label a stored file is listed under. The uploaded name is only ever a label: the file itself lives under
 * its hash. Anything path-like goes (folders, drive letters, ../), as do characters Windows forbids in names,
 * invisible and direction-changing characters and device names (CON, NUL, COM1 …), so the label is also safe
 * as the name of a copy saved or opened later.
 */
export function sanitizeLabel(name: string, fallback = '附件'): string {
  let base = name.replace(INVISIBLE, '').split(/[\\/]/).pop() ?? '';
  base = base.replace(/[<>:"|?*]/g, '_').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const stem = base.split('.')[0] ?? '';
  if (DEVICE.test(stem.trim())) base = `_${base}`;
  if (base.length > 120) {
    const ext = extensionOf(base);
    base = ext && ext.length < 12 ? `${base.slice(0, 119 - ext.length)}.${ext}` : base.slice(0, 120);
  }
  return base || fallback;
}

import { describe, expect, it } from 'vitest';
import { extensionOf, isExecutableName, sanitizeLabel, sniffType, typeForMime } from '../../../electron/core/files/file-types';

const b = (...bytes: (number | string)[]) =>
  Buffer.concat(bytes.map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : Buffer.from([x]))));

describe('file types from content', () => {
  it.each([
    ['PDF 文档', b('%PDF-1.7\n'), 'x.bin'],
    ['PNG 图片', b(0x89, 'PNG\r\n', 0x1a, '\n', 'rest'), 'x'],
    ['JPEG 图片', b(0xff, 0xd8, 0xff, 0xe1, 'Exif'), 'scan.dat'],
    ['GIF 图片', b('GIF89a..'), 'a.gif'],
    ['TIFF 图片', b('II*\0', 'rest'), 'a.tif'],
    ['HEIC 图片', b(0, 0, 0, 0x18, 'ftypheic', 0, 0, 0, 0), 'IMG_0001.HEIC'],
    ['RTF 文档', b('{\\rtf1\\ansi'), 'a.rtf'],
    ['Word 文档（旧格式）', b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), '通知.doc'],
    ['WPS 文字文档', b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), '通知.wps'],
    ['Word 文档', b('PK\x03\x04', '....[Content_Types].xml....word/document.xml'), '方案.docx'],
    ['Excel 表格', b('PK\x03\x04', '....xl/workbook.xml'), '预算.xlsx'],
    ['ZIP 压缩包', b('PK\x03\x04', '....photos/1.jpg'), '照片.zip'],
    ['文本文件', Buffer.from('关于食堂承包的说明\r\n', 'utf8'), 'a.txt'],
    ['网页文件', Buffer.from('<!DOCTYPE html><html>', 'utf8'), 'a.htm'],
  ])('%s', (kind, head, name) => {
    const t = sniffType(head, name);
    expect(t.kind).toBe(kind);
    expect(t.executable).toBe(false);
  });

  it('finds Office formats by the entry list at the end of the ZIP', () => {
    expect(sniffType(b('PK\x03\x04', 'mimetype'), 'a.bin', { tail: b('ppt/presentation.xml') }).kind).toBe('PowerPoint 演示文稿');
  });

  it.each([
    ['Windows 程序', b('MZ', 0x90, 0)],
    ['Linux 程序', b(0x7f, 'ELF', 2, 1)],
    ['脚本程序', b('#!/bin/sh\n')],
    ['macOS 或 Java 程序', b(0xcf, 0xfa, 0xed, 0xfe)],
    ['Windows 快捷方式', b(0x4c, 0, 0, 0, 0x01, 0x14, 0x02, 0x00, 0, 0)],
    ['Java 程序', b('PK\x03\x04', 'META-INF/MANIFEST.MF')],
    ['安卓安装包', b('PK\x03\x04', 'AndroidManifest.xml')],
  ])('recognises %s whatever the name says', (kind, head) => {
    const t = sniffType(head, '年度报告.pdf');
    expect(t).toMatchObject({ kind, executable: true });
  });

  it('recognises a Windows Installer package inside an OLE file by its class id', () => {
    const ole = b(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
    const msiClsid = b(0x84, 0x10, 0x0c, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46);
    expect(sniffType(ole, '会议纪要.doc', { oleRootClsid: msiClsid })).toMatchObject({ executable: true, kind: 'Windows 安装包' });
    expect(sniffType(ole, '会议纪要.doc', { oleRootClsid: Buffer.alloc(16) }).executable).toBe(false);
  });

  it('puts a stored MIME type back into words', () => {
    expect(typeForMime('application/msword', '通知.wps').kind).toBe('WPS 文字文档');
    expect(typeForMime('application/msword', '通知').kind).toBe('Word 文档（旧格式）');
    expect(typeForMime('application/x-unknown', 'a').kind).toBe('其他文件');
  });
});

describe('names', () => {
  it('reads the extension the way Windows does', () => {
    expect(extensionOf('报告.PDF')).toBe('pdf');
    expect(extensionOf('a.exe. . ')).toBe('exe');
    expect(extensionOf('a.exe:Zone.Identifier')).toBe('exe');
    expect(extensionOf('C:\\dir.x\\file')).toBe('');
    expect(extensionOf('.bashrc')).toBe('bashrc');
  });

  it.each(['setup.exe', 'a.DLL', 'run.bat', 'x.cmd', 'p.ps1', 'v.vbs', 'j.js', 'i.msi', 's.scr', 'c.com', '快捷方式.lnk', 'h.hta', 'a.jar', 'd.iso', 'x.exe.'])(
    'refuses %s by name',
    (name) => expect(isExecutableName(name)).toBe(true),
  );

  it.each(['a.pdf', 'a.docx', 'a.jpg', 'a.txt', 'a.wps', 'a.ofd', 'a.json', 'exe'])('accepts %s by name', (name) =>
    expect(isExecutableName(name)).toBe(false),
  );

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\Windows\\System32\\config', 'config'],
    ['C:\\Users\\李\\Desktop\\通知.pdf', '通知.pdf'],
    ['/tmp/x/扫描件 01.jpg', '扫描件 01.jpg'],
    ['a\u0000b.pdf', 'ab.pdf'],
    ['报告\u202Efdp.exe', '报告fdp.exe'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['COM1.pdf', '_COM1.pdf'],
    ['  ..hidden.pdf. . ', 'hidden.pdf'],
    ['a<b>:c"d|e?f*.pdf', 'a_b__c_d_e_f_.pdf'],
    ['..', '附件'],
    ['', '附件'],
  ])('labels %j as %j', (given, label) => expect(sanitizeLabel(given)).toBe(label));

  it('keeps the extension when shortening a long name', () => {
    const label = sanitizeLabel(`${'很长的名字'.repeat(40)}.pdf`);
    expect(label.length).toBeLessThanOrEqual(120);
    expect(label.endsWith('.pdf')).toBe(true);
  });
});

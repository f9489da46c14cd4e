import fs from 'node:fs';
import path from 'node:path';
import type { AppContext } from '../../../electron/core/context';
import type { DisclosureDetail, OpinionRow } from '../../../shared/contract';
import { call, tempDir } from '../../helpers/context';

/** A valid disclosure with the fields a test does not care about filled in. */
export function disclosure(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: '2026年度教职工福利费使用情况',
    category: '职工权益',
    content: '福利费预算 12 万元，已使用 3.5 万元。',
    forms: ['公开栏', '教代会'],
    scope: 'internal',
    timing: 'periodic',
    disclosedOn: '2026-03-05',
    until: '2026-03-20',
    department: '工会办公室',
    reviewer: '王校长',
    reviewedOn: '2026-03-04',
    ...over,
  };
}

export const createDisclosure = (ctx: AppContext, over: Record<string, unknown> = {}, uploads: string[] = []) =>
  call<DisclosureDetail>(ctx, 'disclosures.create', { disclosure: disclosure(over), uploads });

export function opinion(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { receivedOn: '2026-03-06', channel: '意见箱', anonymous: true, content: '希望公开食堂承包合同。', ...over };
}

export const createOpinion = (ctx: AppContext, over: Record<string, unknown> = {}) =>
  call<OpinionRow>(ctx, 'opinions.create', { opinion: opinion(over) });

/** Writes a file the clerk might pick and hands it over as a token, the way a dialog or an upload does. */
export function tokenFor(ctx: AppContext, name: string, content: Buffer | string): string {
  const dir = tempDir('ledger-pick-');
  const file = path.join(dir, 'picked');
  fs.writeFileSync(file, content);
  return ctx.files.register(file, name, false).token;
}

/** Minimal but real file heads: what a scanner, a camera or Word writes first. */
export const SAMPLES = {
  pdf: (text = 'sample') => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`),
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(126, 0), Buffer.from('PE\0\0')]),
  elf: () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(64)]),
  script: () => Buffer.from('#!/bin/sh\nrm -rf ~\n'),
  text: () => Buffer.from('关于食堂承包情况的说明\r\n一、承包方式……\r\n', 'utf8'),
};

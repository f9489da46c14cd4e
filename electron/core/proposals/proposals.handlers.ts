import fs from 'node:fs';
import { piiWriterFor } from '../operators/pii';
import type { PrintRequest } from '../../../shared/contract/proposals';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { proposalCompilationHtml } from '../print/proposal-compilation';
import { proposalReportHtml } from '../print/proposal-report';
import { proposalSheetHtml } from '../print/proposal-sheet';
import type { Handlers } from '../router';
import { getSettings } from '../settings/settings.service';
import { getProposalConfig, updateProposalConfig } from './proposals.config';
import { getProposal, listProposals } from './proposals.read';
import { listSessionJoined } from './proposals.repo';
import { addAttachment, createProposal, getAttachmentFile, removeAttachment, updateProposal } from './proposals.service';
import { sessionStats } from './proposals.stats';
import { act } from './proposals.workflow';
import { statsWorkbook } from './proposals.xlsx';
import {
  addReps,
  createSession,
  createUnit,
  getSessionOut,
  listReps,
  listSessions,
  listUnits,
  removeRep,
  removeSession,
  removeUnit,
  updateRep,
  updateSession,
  updateUnit,
} from './sessions.service';
import { scopeOf } from '../imports/write-scope';

type ProposalChannels =
  | 'sessions.list'
  | 'sessions.create'
  | 'sessions.update'
  | 'sessions.remove'
  | 'representatives.list'
  | 'representatives.add'
  | 'representatives.update'
  | 'representatives.remove'
  | 'handlingUnits.list'
  | 'handlingUnits.create'
  | 'handlingUnits.update'
  | 'handlingUnits.remove'
  | 'proposals.config'
  | 'proposals.configUpdate'
  | 'proposals.list'
  | 'proposals.get'
  | 'proposals.create'
  | 'proposals.update'
  | 'proposals.act'
  | 'proposals.stats'
  | 'proposals.statsXlsx'
  | 'proposals.printHtml'
  | 'proposals.printPdf'
  | 'proposals.attachmentAdd'
  | 'proposals.attachmentGet'
  | 'proposals.attachmentRemove';

const sessionRows = (ctx: AppContext, sessionId: number) => listProposals(ctx, { sessionId, offset: 0, limit: 2000 }).rows;

/** Builds one printed form; the file name is what the clerk will see in the save dialog or downloads. */
export function printForm(ctx: AppContext, req: PrintRequest): { html: string; title: string; landscape: boolean; fileName: string } {
  const settings = getSettings(ctx);
  const now = ctx.clock();
  if (req.form === 'sheet') {
    const got = getProposal(ctx, req.id);
    // The proposer's phone on paper follows the same rule as every print (operators/pii.ts).
    const p = { ...got, contactPhone: piiWriterFor(ctx, undefined)('phone', got.contactPhone) };
    const kind = p.kind === 'opinion' ? '意见建议表' : '提案表';
    return { html: proposalSheetHtml(p, settings, now), title: `${kind} ${p.number}`, landscape: false, fileName: `${kind}-${p.number.replace(/\s+/g, '')}.pdf` };
  }
  const session = getSessionOut(ctx, req.sessionId);
  if (req.form === 'compilation') {
    const items = listSessionJoined(ctx.db, req.sessionId)
      .filter((r) => r.kind === 'proposal')
      .map((r) => getProposal(ctx, r.id))
      .filter((p) => p.filed && p.state !== 'withdrawn');
    return {
      html: proposalCompilationHtml(session, items, settings, now),
      title: `${session.title}提案汇编`,
      landscape: false,
      fileName: `提案汇编-${session.label}.pdf`,
    };
  }
  const stats = sessionStats(ctx, req.sessionId);
  return {
    html: proposalReportHtml(stats, sessionRows(ctx, req.sessionId), settings, now),
    title: `${session.title}提案办理情况统计表`,
    landscape: true,
    fileName: `提案办理情况统计表-${session.label}.pdf`,
  };
}

export const proposalsHandlers: Pick<Handlers<AppContext>, ProposalChannels> = {
  'sessions.list': (_i, ctx) => listSessions(ctx),
  'sessions.create': (input, ctx) => createSession(ctx, input),
  'sessions.update': ({ id, session }, ctx) => updateSession(ctx, id, session),
  'sessions.remove': ({ id }, ctx) => ({ removed: removeSession(ctx, id) }),
  'representatives.list': ({ sessionId }, ctx) => listReps(ctx, sessionId),
  'representatives.add': ({ sessionId, entries }, ctx) => addReps(ctx, sessionId, entries),
  'representatives.update': ({ id, delegation }, ctx) => updateRep(ctx, id, delegation),
  'representatives.remove': ({ id }, ctx) => ({ removed: removeRep(ctx, id) }),
  'handlingUnits.list': (_i, ctx) => listUnits(ctx),
  'handlingUnits.create': (input, ctx) => createUnit(ctx, input),
  'handlingUnits.update': ({ id, ...u }, ctx) => updateUnit(ctx, id, u),
  'handlingUnits.remove': ({ id }, ctx) => removeUnit(ctx, id),
  'proposals.config': (_i, ctx) => getProposalConfig(ctx.db),
  'proposals.configUpdate': (patch, ctx) => updateProposalConfig(scopeOf(ctx), patch),
  'proposals.list': (q, ctx) => listProposals(ctx, q),
  'proposals.get': ({ id }, ctx) => getProposal(ctx, id),
  'proposals.create': ({ sessionId, proposal, asOpinion, handler }, ctx) => createProposal(ctx, sessionId, proposal, { asOpinion, handler }),
  'proposals.update': ({ id, proposal, expectedUpdatedAt }, ctx) => updateProposal(ctx, id, proposal, expectedUpdatedAt),
  'proposals.act': (action, ctx) => act(ctx, action),
  'proposals.stats': ({ sessionId }, ctx) => sessionStats(ctx, sessionId),
  'proposals.statsXlsx': async ({ sessionId }, ctx) => {
    const stats = sessionStats(ctx, sessionId);
    const buf = await statsWorkbook(stats, sessionRows(ctx, sessionId));
    const out = ctx.files.createOutput(`提案统计-${stats.session.label}.xlsx`);
    fs.writeFileSync(out.path, buf);
    return out.ref();
  },
  'proposals.printHtml': (req, ctx) => {
    const { html, title, landscape } = printForm(ctx, req);
    return { html, title, landscape };
  },
  'proposals.printPdf': async (req, ctx) => {
    if (!ctx.ports.pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
    const f = printForm(ctx, req);
    const pdf = await ctx.ports.pdf.render(f.html, { landscape: f.landscape });
    const out = ctx.files.createOutput(f.fileName);
    fs.writeFileSync(out.path, pdf);
    return out.ref();
  },
  'proposals.attachmentAdd': ({ proposalId, token }, ctx) => addAttachment(ctx, proposalId, token),
  'proposals.attachmentGet': ({ id }, ctx) => getAttachmentFile(ctx, id),
  'proposals.attachmentRemove': ({ id }, ctx) => removeAttachment(ctx, id),
};

import fs from 'node:fs';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import type { Handlers } from '../router';
import { roleHas } from '../../../shared/domain/permissions';
import type { MediationRow } from '../../../shared/contract/plans';
import { effectiveOperator } from '../operators/access';
import { withJob } from '../jobs';
import { unionNameIn } from '../settings/settings.repo';
import { signInPreview } from './signin-import';
import * as arepo from './activities.repo';
import { createActivity, listActivities, removeActivity, toActivityRow } from './activities.service';
import { activitiesXlsx, summaryDocx } from './plans.export';
import { activityPageHtml, mediationAgreementHtml, mediationApplicationHtml } from './plans.print';
import { getPlan, parsePlan, savePlan, updateItem } from './plans.service';
import { closeMediation, createAward, createMediation, getMediation, listAwards, listMediation, planHome, updateMediation, yearSummary } from './records.service';

type PlansChannels =
  | 'plans.parse'
  | 'plans.save'
  | 'plans.get'
  | 'plans.itemUpdate'
  | 'plans.home'
  | 'activities.list'
  | 'activities.create'
  | 'activities.signInPreview'
  | 'activities.remove'
  | 'activities.export'
  | 'activities.printPreview'
  | 'activities.print'
  | 'awards.list'
  | 'awards.create'
  | 'mediation.list'
  | 'mediation.create'
  | 'mediation.close'
  | 'mediation.get'
  | 'mediation.update'
  | 'mediation.printPreview'
  | 'mediation.print'
  | 'plans.summary'
  | 'plans.summaryDocx';

export const unionName = (ctx: AppContext): string => unionNameIn(ctx.db);

function activityHtml(ctx: AppContext, id: number): { html: string; name: string } {
  const a = arepo.getActivity(ctx.db, id);
  if (!a) throw new AppError('NOT_FOUND', '找不到该活动记录，可能已被删除。');
  return { html: activityPageHtml(ctx, toActivityRow(ctx, a), unionName(ctx)), name: a.name };
}

/** A case with its full ID number only for a role that may see it; 查阅 gets the masked one, on screen and on paper. */
const mediationFor = (ctx: AppContext, id: number): MediationRow => {
  const op = effectiveOperator(ctx);
  return getMediation(ctx, id, !op || !roleHas(op.role, 'reveal'));
};

function mediationHtml(ctx: AppContext, id: number, doc: 'application' | 'agreement'): { html: string; name: string } {
  const m = mediationFor(ctx, id);
  if (doc === 'agreement' && m.outcome !== 'agreed') throw new AppError('CONFLICT', '未达成协议，不能打印调解协议书。');
  const htmlText = doc === 'agreement' ? mediationAgreementHtml(m, unionName(ctx)) : mediationApplicationHtml(m, unionName(ctx));
  return { html: htmlText, name: `${doc === 'agreement' ? '调解协议书' : '调解申请记录'}-${m.applicant}.pdf` };
}

async function pdfOut(ctx: AppContext, htmlText: string, fileName: string) {
  if (!ctx.ports.pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
  const pdf = await ctx.ports.pdf.render(htmlText);
  const out = ctx.files.createOutput(fileName);
  fs.writeFileSync(out.path, pdf);
  return out.ref();
}

export const plansHandlers: Pick<Handlers<AppContext>, PlansChannels> = {
  'plans.parse': (q, ctx) => parsePlan(ctx, q),
  'plans.save': (input, ctx) => savePlan(ctx, input),
  'plans.get': ({ year, period }, ctx) => getPlan(ctx, year, period),
  'plans.itemUpdate': (u, ctx) => updateItem(ctx, u),
  'plans.home': ({ year, month }, ctx) => planHome(ctx, year, month),
  'activities.list': (q, ctx) => listActivities(ctx, q),
  'activities.create': ({ activity, tokens }, ctx) => createActivity(ctx, activity, tokens),
  'activities.signInPreview': ({ token, sheet, jobId }, ctx) => withJob(ctx, jobId, (job) => signInPreview(ctx, token, sheet, job)),
  'activities.remove': ({ id, reason }, ctx) => ({ removed: removeActivity(ctx, id, reason) }),
  'activities.export': ({ year }, ctx) => activitiesXlsx(ctx, year),
  'activities.printPreview': ({ id }, ctx) => ({ html: activityHtml(ctx, id).html }),
  'activities.print': ({ id }, ctx) => {
    const a = activityHtml(ctx, id);
    return pdfOut(ctx, a.html, `活动台账-${a.name}.pdf`);
  },
  'awards.list': (q, ctx) => listAwards(ctx, q),
  'awards.create': ({ award }, ctx) => createAward(ctx, award),
  'mediation.list': ({ overdue }, ctx) => listMediation(ctx, overdue ?? false),
  'mediation.create': (input, ctx) => createMediation(ctx, input.case),
  'mediation.close': (c, ctx) => closeMediation(ctx, c),
  'mediation.get': ({ id }, ctx) => mediationFor(ctx, id),
  'mediation.update': (u, ctx) => updateMediation(ctx, u),
  'mediation.printPreview': ({ id, doc }, ctx) => ({ html: mediationHtml(ctx, id, doc).html }),
  'mediation.print': ({ id, doc }, ctx) => {
    const m = mediationHtml(ctx, id, doc);
    return pdfOut(ctx, m.html, m.name);
  },
  'plans.summary': ({ year }, ctx) => yearSummary(ctx, year),
  'plans.summaryDocx': ({ year }, ctx) => summaryDocx(ctx, year, unionName(ctx)),
};

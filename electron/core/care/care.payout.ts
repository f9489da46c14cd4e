import fs from 'node:fs';
import type { FileRef } from '../../../shared/contract/app';
import { occasionLabelOf } from '../../../shared/domain/care-labels';
import { todayIso } from '../../../shared/domain/dates';
import { yuan } from '../../../shared/domain/dues';
import { rmbCapital } from '../../../shared/domain/rmb-capital';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { payoutHtml, type PayoutDoc } from '../print/care-payout';
import { getSettings } from '../settings/settings.service';
import { careOccasions } from './care.occasions';
import { listVisitRows } from './care.repo';

export type PayoutPeriod = { year: number; month?: number | null | undefined; occasion?: string | undefined };

function payoutDoc(ctx: AppContext, p: PayoutPeriod): PayoutDoc {
  const mm = p.month ? String(p.month).padStart(2, '0') : null;
  const range = mm ? { from: `${p.year}-${mm}-01`, to: `${p.year}-${mm}-31` } : { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  const rows = listVisitRows(ctx.db, { ...range, occasion: p.occasion }).filter((r) => r.form !== 'gift');
  const totalFen = rows.reduce((s, r) => s + r.amount_fen, 0);
  const s = getSettings(ctx);
  const rules = careOccasions(ctx);
  return {
    title: '慰问金发放表',
    subtitle: `${s.unionName || s.unitName || ''}　${p.year}年${p.month ? `${p.month}月` : '度'}${p.occasion ? `　${occasionLabelOf(rules, p.occasion)}` : ''}`.trim(),
    lines: rows.map((r, i) => ({
      seq: i + 1,
      name: r.member_name,
      department: r.department ?? '',
      occasion: occasionLabelOf(rules, r.occasion),
      visitDate: r.visit_date,
      amount: yuan(r.amount_fen),
      mark: r.over_rule ? `${r.over_rule}；${r.over_rule_reason ?? ''}` : '',
    })),
    total: yuan(totalFen),
    totalCapital: rmbCapital(totalFen),
    printedOn: todayIso(ctx.clock()),
  };
}

export const payoutPreview = (ctx: AppContext, p: PayoutPeriod) => {
  const doc = payoutDoc(ctx, p);
  return { html: payoutHtml(doc), count: doc.lines.length };
};

export async function payoutPdf(ctx: AppContext, p: PayoutPeriod): Promise<FileRef> {
  if (!ctx.ports.pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
  const doc = payoutDoc(ctx, p);
  const pdf = await ctx.ports.pdf.render(payoutHtml(doc), {});
  const out = ctx.files.createOutput(`慰问金发放表-${p.year}${p.month ? `-${String(p.month).padStart(2, '0')}` : ''}.pdf`);
  fs.writeFileSync(out.path, pdf);
  return out.ref();
}

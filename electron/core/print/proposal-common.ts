import type { ProposalDetail, ProposalEvent, Rate } from '../../../shared/contract/proposals';
import {
  PROPOSAL_EVENT_LABELS,
  REPLY_CLASS_LABELS,
  SATISFACTION_LABELS,
  SATISFACTIONS,
} from '../../../shared/domain/proposal-workflow';
import type { Settings } from '../../../shared/contract/settings';
import { CONGRESS_NAME } from '../../../shared/domain/labels';
import { html, lines, type SafeHtml } from './html';

/** Pieces the three proposal forms share: dates the Chinese way, rates, and the handling record of one item. */

export const dateCn = (iso: string | null | undefined): string => {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

export const pct = (r: Rate): string => (r.percent === null ? '—' : `${r.percent.toFixed(1)}%`);

/** Page numbers in the bottom margin (Chromium prints CSS page-margin boxes since version 131). */
export const PAGE_NUMBER_CSS = `@page { @bottom-center { content: "第 " counter(page) " 页"; font-size: 9pt; } }`;

export const TABLE_CSS = `
/* On screen (the preview) there is no @page margin: give the sheet its paper edge. */
@media screen { body { padding: 15mm; } }
.grid td, .grid th { border: 0.3mm solid #000; padding: 1.5mm 2mm; vertical-align: top; }
.grid th { font-weight: bold; background: #f2f2f2; }
.grid td.l { width: 26mm; text-align: center; vertical-align: middle; font-weight: bold; white-space: nowrap; }
.grid td.block { min-height: 24mm; height: 24mm; }
.num { text-align: right; white-space: nowrap; }
.sign { text-align: right; padding-top: 8mm !important; white-space: nowrap; }
.muted { color: #444; font-size: 9pt; }
.box { display: inline-block; margin-right: 6mm; white-space: nowrap; }
`;

/** 某某中学教代会提案工作委员会: the committee is the congress's, elected with it (DOMAIN.md §3.3). */
export const committeeName = (s: Settings): string => `${s.unitName}${CONGRESS_NAME[s.unitType]}提案工作委员会`;

export const checkbox = (on: boolean): string => (on ? '☑' : '☐');

/** ☑满意 ☐基本满意 ☐不满意 — blank boxes when the proposer has not answered yet, to tick by hand. */
export function satisfactionBoxes(value: ProposalDetail['feedback']): SafeHtml {
  return html`${SATISFACTIONS.map((s) => html`<span class="box">${checkbox(value === s)} ${SATISFACTION_LABELS[s]}</span>`)}`;
}

export const eventsOf = (p: ProposalDetail, type: ProposalEvent['type']): ProposalEvent[] => p.events.filter((e) => e.type === type);

/** Plain text (date and handler); the templates escape it where they put it. */
const byline = (e: ProposalEvent): string => [dateCn(e.date), e.handler ? `经办人：${e.handler}` : ''].filter(Boolean).join('　');

/** The review decision (立案 / 并案 / 转为意见建议 / 不予立案 / 撤案) as one paragraph. */
export function reviewText(p: ProposalDetail): SafeHtml | string {
  const e = p.events.find((x) => ['file', 'merge', 'convert', 'reject', 'withdraw'].includes(x.type));
  if (!e) return p.kind === 'opinion' ? '按意见建议登记，直接交有关部门办理。' : '';
  const target = e.type === 'merge' && e.target ? html`并入 ${e.target.number}「${e.target.title}」。` : '';
  return html`<b>${PROPOSAL_EVENT_LABELS[e.type]}</b>　${target}${lines(e.text)}<div class="muted">${byline(e)}</div>`;
}

/** Empty markup is "nothing to show": the templates print their placeholder (尚未交办 …) instead. */
export const orElse = (v: SafeHtml, placeholder: string): SafeHtml | string => (v.value ? v : placeholder);

/** 交办 and 督办 rounds: who leads, who assists, by when. */
export function assignmentText(p: ProposalDetail): SafeHtml {
  const rounds = p.events.filter((e) => e.type === 'assign' || e.type === 'supervise');
  return html`${rounds.map(
    (e) =>
      html`<div><b>${PROPOSAL_EVENT_LABELS[e.type]}</b>　主办：${e.leadUnit}${e.coUnits.length ? html`　协办：${e.coUnits.join('、')}` : ''}　办理期限：${dateCn(
        e.deadline,
      )}${e.text ? html`<br>${lines(e.text)}` : ''}<div class="muted">${byline(e)}</div></div>`,
  )}`;
}

/** Every reply, the 主办's first, each with its A/B/C class. */
export function repliesText(p: ProposalDetail): SafeHtml {
  return html`${eventsOf(p, 'reply').map((e) => {
    const role = e.unitId === p.leadUnitId ? '主办' : '协办';
    const cls = e.replyClass ? `${e.replyClass} 类（${REPLY_CLASS_LABELS[e.replyClass]}）` : '';
    return html`<div class="reply"><b>${e.unit}</b>（${role}）　${cls}<div>${lines(e.text)}</div><div class="muted">${byline(e)}</div></div>`;
  })}`;
}

export function feedbackText(p: ProposalDetail): SafeHtml {
  return html`${eventsOf(p, 'feedback').map(
    (e) => html`<div>${e.satisfaction ? SATISFACTION_LABELS[e.satisfaction] : ''}${e.text ? html`：${lines(e.text)}` : ''}<div class="muted">${byline(e)}</div></div>`,
  )}`;
}

export function closingText(p: ProposalDetail): SafeHtml {
  return html`${p.events.filter((e) => e.type === 'close').map((e) => html`<div><b>办结</b>　${lines(e.text)}<div class="muted">${byline(e)}</div></div>`)}`;
}

export const people = (p: ProposalDetail): string => p.seconders.map((s) => s.name).join('、');

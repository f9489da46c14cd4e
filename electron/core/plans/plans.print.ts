/**
 * Printed pages of the ledger: one 活动台账 page per activity with its photos (like the paper ledger), the
 * 调解申请记录 and the 调解协议书 (A4, signature and seal blocks; 劳动争议调解仲裁法 第十二、十四条).
 */
import fs from 'node:fs';
import type { ActivityRow, MediationRow } from '../../../shared/contract/plans';
import { html, lines, page, SafeHtml } from '../print/html';
import { yuan } from '../../../shared/domain/dues';
import type { AppContext } from '../context';
import { blobPath } from '../files/attachments';
import * as repo from './activities.repo';

const CSS = `
h1 { font-size: 18pt; }
table.kv td { border: 0.3mm solid #000; padding: 2mm; vertical-align: top; }
table.kv td.k { width: 28mm; font-weight: bold; text-align: center; }
.photos { display: flex; flex-wrap: wrap; gap: 3mm; margin-top: 3mm; }
.photos figure { margin: 0; width: 84mm; break-inside: avoid; }
.photos img { width: 84mm; max-height: 62mm; object-fit: contain; border: 0.2mm solid #999; }
.photos figcaption { font-size: 8pt; text-align: center; }
.sign { margin-top: 14mm; display: flex; justify-content: space-between; }
.sign div { width: 45%; line-height: 2.2; }
.seal { margin-top: 10mm; text-align: right; line-height: 2.2; }
p.body { text-indent: 2em; line-height: 1.9; }
p.sub { text-align: center; margin: -3mm 0 5mm; }
.blank { display: block; min-height: 40mm; }
`;

const kv = (rows: [string, unknown][]): SafeHtml =>
  html`<table class="kv">${rows.map(([k, v]) => html`<tr><td class="k">${k}</td><td>${v instanceof SafeHtml ? v : lines(v ?? '')}</td></tr>`)}</table>`;

/** Photos embedded as data: URIs (the print engine loads nothing from outside). Only JPEG and PNG are images. */
function photos(ctx: AppContext, activityId: number): SafeHtml {
  const imgs = repo.attachments(ctx.db, activityId).filter((a) => a.mime === 'image/jpeg' || a.mime === 'image/png');
  if (!imgs.length) return html``;
  return html`<div class="photos">${imgs.map((a) => {
    const p = blobPath(ctx.paths.filesDir, a.sha256);
    const src = fs.existsSync(p) ? `data:${a.mime};base64,${fs.readFileSync(p).toString('base64')}` : '';
    return html`<figure>${src ? html`<img src="${src}">` : html`<p>（照片文件缺失）</p>`}<figcaption>${a.label}</figcaption></figure>`;
  })}</div>`;
}

export function activityPageHtml(ctx: AppContext, a: ActivityRow, unionName: string): string {
  const people = a.participants.length ? `${a.participants.length} 人：${a.participants.map((p) => p.name).join('、')}` : a.headCount != null ? `${a.headCount} 人` : '';
  const others = a.attachments.filter((x) => !x.mime.startsWith('image/')).map((x) => x.label).join('、');
  const body = html`<h1>工会活动台账</h1><p style="text-align:center">${unionName}</p>
${kv([
  ['活动名称', a.name],
  ['活动类别', a.kindLabel],
  ['活动日期', a.endDate && a.endDate !== a.startDate ? `${a.startDate} 至 ${a.endDate}` : a.startDate],
  ['活动地点', a.place],
  ['主办/承办', a.organizer],
  ['负责人', a.leader],
  ['参加人员', people],
  ['经费', a.costFen ? `${yuan(a.costFen)} 元${a.costSource ? `（${a.costSource}）` : ''}` : ''],
  ['内容摘要', a.summary],
  ['附件', others],
])}
${photos(ctx, a.id)}`;
  return page(body, { title: `活动台账-${a.name}`, css: CSS, marginMm: 18 });
}

/** Sessions as the clerk wrote them, one a line; a blank block for handwriting when there are none yet. */
const sessionsBlock = (m: MediationRow): SafeHtml => (m.sessions ? lines(m.sessions) : html`<span class="blank"></span>`);

export function mediationApplicationHtml(m: MediationRow, unionName: string): string {
  const body = html`<h1>劳动争议调解申请记录</h1><p class="sub">${unionName}劳动争议调解委员会</p>
${kv([
  ['申请方式', m.formLabel],
  ['受理日期', m.acceptedOn],
  ['申请人', m.applicant],
  ['身份证号', m.applicantIdNumber],
  ['被申请人', m.respondent],
  ['争议类别', m.category],
  ['争议事项', m.matter],
  ['申请理由', m.reasons],
  ['调解员', m.mediators],
  ['调解经过', sessionsBlock(m)],
  ['调解期限', `${m.dueOn} 前（受理之日起 15 日内结束调解）`],
])}
<div class="sign"><div>申请人（签名）：<br>日期：　　　年　　月　　日</div><div>记录人（签名）：<br>日期：　　　年　　月　　日</div></div>
<div class="seal">${unionName}劳动争议调解委员会（盖章）<br>　　　年　　月　　日</div>`;
  return page(body, { title: `调解申请记录-${m.applicant}`, css: CSS, marginMm: 20 });
}

export function mediationAgreementHtml(m: MediationRow, unionName: string): string {
  const body = html`<h1>劳动争议调解协议书</h1><p class="sub">${unionName}劳动争议调解委员会</p>
${kv([
  ['申请人', `${m.applicant}${m.applicantIdNumber ? `（身份证号 ${m.applicantIdNumber}）` : ''}`],
  ['被申请人', m.respondent],
  ['争议类别', m.category],
  ['调解员', m.mediators],
])}
<p class="body">申请人与被申请人因${m.matter}发生争议，于 ${m.acceptedOn} 向本委员会申请调解。经调解，双方自愿达成如下协议：</p>
<p class="body">${lines(m.agreementTerms ?? '')}</p>
${m.agreementDeadline ? html`<p class="body">履行期限：${m.agreementDeadline} 前履行完毕。</p>` : ''}
<p class="body">本协议书自双方当事人签名或盖章、调解员签名并经调解委员会盖章后生效，对双方当事人具有约束力，当事人应当履行。本协议书一式三份，双方当事人和调解委员会各执一份。</p>
<div class="sign"><div>申请人（签名或盖章）：<br>日期：　　　年　　月　　日</div><div>被申请人（签名或盖章）：<br>日期：　　　年　　月　　日</div></div>
<div class="sign"><div>调解员（签名）：<br>日期：　　　年　　月　　日</div><div></div></div>
<div class="seal">${unionName}劳动争议调解委员会（盖章）<br>${m.closedOn ?? '　　　年　　月　　日'}</div>`;
  return page(body, { title: `调解协议书-${m.applicant}`, css: CSS, marginMm: 20 });
}

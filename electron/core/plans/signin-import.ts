/**
 * Participants of an activity from its 签到表 (sign-in sheet): the shared small-import source reads the file and
 * finds the table; each row is matched to a member by 身份证号, then 工号, then a name only one member has. Nothing is
 * written here — the matched members join the activity form, and are saved with the activity.
 */
import type { SignInPreview } from '../../../shared/contract/plans';
import { normalizeIdNumber } from '../../../shared/domain/id-number';
import type { AppContext } from '../context';
import type { Job } from '../jobs';
import { smallSource } from '../imports/small-source';
import { detectTable, type DetectedColumn } from '../spreadsheet/detect';
import { normalizeHeader } from '../spreadsheet/header-text';
import type { Cell, SheetGrid } from '../spreadsheet/types';
import { cellAsText } from '../spreadsheet/values';
import * as repo from './activities.repo';

type Field = 'name' | 'idNumber' | 'staffNo';
const SYNONYMS: Record<Field, readonly string[]> = {
  name: ['姓名', '名字', '职工姓名', '会员姓名', '教师姓名', '参加人', '参加人员', '签名', '本人签名', '签到人'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码'],
  staffNo: ['工号', '职工号', '员工号', '职工编号', '人员编号'],
};
/** Words of a sign-in sheet that name no field but mark its header row. */
const OTHER = ['序号', '部门', '科室', '单位', '工会小组', '小组', '签到时间', '时间', '联系电话', '电话', '备注', '性别', '年级', '教研组'];

const FIELD_OF = new Map<string, Field>();
for (const [f, words] of Object.entries(SYNONYMS) as [Field, readonly string[]][]) for (const w of words) FIELD_OF.set(normalizeHeader(w), f);
const OTHER_SET = new Set(OTHER.map(normalizeHeader));
const headerScore = (t: string) => {
  const n = normalizeHeader(t);
  return FIELD_OF.has(n) ? 1 : OTHER_SET.has(n) ? 0.5 : 0;
};
const detectSignIn = (grid: SheetGrid) => detectTable(grid, { headerScore, minHeaderScore: 1.5 });
const signature = (cols: Pick<DetectedColumn, 'header'>[]) => cols.map((c) => normalizeHeader(c.header)).join('|');

const source = smallSource({
  detect: detectSignIn,
  signature,
  notFound: (reasons) => `文件中没有找到签到表（${reasons}）。表头应有「姓名」或「签名」列，最好还有「身份证号」或「工号」。`,
  exampleHeaders: '序号、姓名、部门、签到时间',
});

const text = (c: Cell | undefined) => (c ? cellAsText(c).trim() : '');

export async function signInPreview(ctx: AppContext, token: string, sheet: string | undefined, job: Job): Promise<SignInPreview> {
  const s = await source.read(ctx, token, sheet, job);
  const col = (f: Field) => s.table.columns.find((c) => FIELD_OF.get(normalizeHeader(c.name)) === f)?.index;
  const at = { name: col('name'), idNumber: col('idNumber'), staffNo: col('staffNo') };
  const matched: SignInPreview['matched'] = [];
  const unmatched: SignInPreview['unmatched'] = [];
  const seen = new Set<number>();
  let rows = 0;
  for (const r of s.table.records) {
    const name = at.name === undefined ? '' : text(r.cells[at.name]);
    const idNumber = at.idNumber === undefined ? '' : normalizeIdNumber(text(r.cells[at.idNumber]));
    const staffNo = at.staffNo === undefined ? '' : text(r.cells[at.staffNo]);
    if (!name && !idNumber && !staffNo) continue;
    rows++;
    let found: { id: number; name: string } | undefined;
    let reason = '';
    if (idNumber) {
      found = repo.memberByIdNumber(ctx.db, idNumber);
      if (!found) reason = `花名册中没有身份证号为 ${idNumber} 的会员`;
    } else if (staffNo) {
      const list = repo.membersByStaffNo(ctx.db, staffNo);
      if (list.length === 1) found = list[0];
      else reason = list.length ? `工号 ${staffNo} 对应 ${list.length} 位会员` : `花名册中没有工号为 ${staffNo} 的会员`;
    } else {
      const list = repo.membersByName(ctx.db, name);
      if (list.length === 1) found = list[0];
      else reason = list.length ? `花名册中有 ${list.length} 位「${name}」，请在表中加身份证号或工号，或手动选择` : `花名册中没有「${name}」`;
    }
    if (found) {
      if (!seen.has(found.id)) matched.push({ ...found, excelRow: r.excelRow });
      seen.add(found.id);
    } else unmatched.push({ excelRow: r.excelRow, name: name || idNumber || staffNo, reason });
  }
  source.forget(ctx);
  return { fileName: s.fileName, sheet: s.sheet, sheets: s.sheets.map((x) => x.name), rows, matched, unmatched };
}

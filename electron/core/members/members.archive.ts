/**
 * What 会员档案 gives the year-end archive: the roster as of 31 December (one 件) and the year's lifecycle events
 * (入会/转入/转出/保留会籍/退会 … one 件). Both are snapshots: the item's data is the list as it stood, so the
 * live member files stay editable after the year is sealed (an import still updates them) and the sealed 件
 * keeps what was true on 31 December. Hence no sealTargets.
 */
import { deriveStatus, MEMBER_EVENT_LABELS, MEMBER_STATUS_LABELS, type MemberEventType } from '../../../shared/domain/member-lifecycle';
import type { ArchiveContributor, ArchiveItemDraft } from '../archive/contributor';
import type { DB } from '../db/open';
import { type RecordDoc, renderRecordDoc, docItem } from '../print/archive-record';
import { unionNameIn } from '../settings/settings.repo';
import { eventsOfYear, eventsUpTo, rosterCandidates } from './members.archive.query';

const responsibleOf = unionNameIn;

/** 在册 or 保留会籍 on the day, from the events up to it (a file without events counts as 在册). */
export function rosterOn(db: DB, day: string) {
  const events = new Map<number, { type: MemberEventType; date: string; id: number }[]>();
  for (const e of eventsUpTo(db, day)) {
    const list = events.get(e.member_id) ?? [];
    list.push({ type: e.type as MemberEventType, date: e.date, id: e.id });
    events.set(e.member_id, list);
  }
  return rosterCandidates(db, day)
    .map((m) => ({ m, status: deriveStatus(events.get(m.id) ?? []) }))
    .filter((x) => x.status === 'active' || x.status === 'retained');
}

/** Lazily, one draft at a time: planning gives the event loop a turn between drafts (issue 15 item 16). */
function* items(db: DB, year: number): Generator<ArchiveItemDraft> {
  const day = `${year}-12-31`;
  const responsible = responsibleOf(db);
  const roster = rosterOn(db, day);
  if (roster.length) {
    const doc: RecordDoc = {
      title: `会员名册（${year}年12月31日）`,
      subtitle: `${responsible}　共 ${roster.length} 人`,
      tables: [
        {
          headers: ['序号', '姓名', '性别', '出生日期', '部门', '工会小组', '入会日期', '会员证号', '状态'],
          widths: [10, 18, 10, 22, 0, 26, 22, 26, 16],
          rows: roster.map(({ m, status }, i) => [i + 1, m.name, m.gender, m.birth_date, m.department, m.group_name, m.join_date, m.member_no, MEMBER_STATUS_LABELS[status]]),
        },
      ],
    };
    yield docItem({ sourceKey: `members:roster:${year}`, kind: 'members.roster', title: `${responsible}会员名册（${year}年12月31日）`, responsible, date: day, doc });
  }
  const events = eventsOfYear(db, year);
  if (events.length) {
    const doc: RecordDoc = {
      title: `${year}年度会员会籍变动名单`,
      subtitle: `${responsible}　共 ${events.length} 人次`,
      tables: [
        {
          headers: ['日期', '变动', '姓名', '部门', '原因', '对方工会', '经办人'],
          widths: [22, 18, 18, 0, 0, 30, 18],
          rows: events.map((e) => [e.date, MEMBER_EVENT_LABELS[e.type as MemberEventType] ?? e.type, e.name, e.department, e.reason, e.other_union, e.handler]),
        },
      ],
    };
    yield docItem({ sourceKey: `members:events:${year}`, kind: 'members.events', title: doc.title, responsible, date: day, doc });
  }
}

export const membersArchive: ArchiveContributor = {
  id: 'members',
  label: '会员档案',
  kinds: [
    { id: 'members.roster', label: '会员名册（12月31日）', defaultRetention: 'Y', defaultOrgCode: 'GH' },
    { id: 'members.events', label: '会籍变动名单', defaultRetention: 'Y', defaultOrgCode: 'GH' },
  ],
  items,
  render: renderRecordDoc,
};

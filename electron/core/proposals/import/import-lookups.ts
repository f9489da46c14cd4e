/**
 * What a register row is checked against, read once per preview: the session with its representatives, the
 * member files (only when a name is not a representative), the handling units, the category list, and the
 * proposals already registered in the session (a register imported twice must not register everything twice).
 */
import { CURRENT_STATUSES, MEMBER_STATUS_LABELS, type MemberStatus } from '../../../../shared/domain/member-lifecycle';
import { sessionLabel } from '../../../../shared/domain/proposal-workflow';
import { stripAllSpaces, toHalfWidth } from '../../../../shared/domain/text';
import type { DB } from '../../db/open';
import { getProposalConfig } from '../proposals.config';
import { numberOf } from '../proposals.mapper';
import type { ProposalConfig } from '../../../../shared/contract/proposals';
import { listReps, listUnits, type SessionRow } from '../sessions.repo';
import { liveMemberNames } from '../../members/members.repo';
import * as proposalsRepo from '../proposals.repo';

/** Names, categories and units compare without spaces and full-width forms: 张 三 = 张三, 教务处 = 教务处. */
export const nameKey = (s: string): string => stripAllSpaces(toHalfWidth(s)).toLowerCase();
/** Titles also ignore the punctuation clerks add or drop at the end (关于……的建议。). */
export const titleKey = (s: string): string => nameKey(s).replace(/[。．.!！?？;；,，、]+$/, '');

export interface RepInfo {
  memberId: number;
  name: string;
  delegation: string;
  /** 教务处 · 会员证号 2019001, to tell people of the same name apart. */
  detail: string;
}

export interface MemberInfo {
  id: number;
  name: string;
  status: MemberStatus;
  detail: string;
}

export interface UnitInfo {
  id: number;
  name: string;
  active: boolean;
}

const detailOf = (department: string | null, memberNo: string | null) =>
  [department, memberNo ? `会员证号 ${memberNo}` : null].filter(Boolean).join('，');

export class ImportLookups {
  readonly label: string;
  readonly config: ProposalConfig;
  readonly categories: Map<string, string>;
  readonly units: Map<string, UnitInfo>;
  private readonly reps = new Map<string, RepInfo[]>();
  private members: Map<string, MemberInfo[]> | null = null;
  private readonly existing = new Map<string, string>();
  private readonly serials: Record<'proposal' | 'opinion', number>;

  constructor(
    private readonly db: DB,
    readonly session: SessionRow,
  ) {
    this.label = sessionLabel(session.term, session.meeting);
    this.config = getProposalConfig(db);
    this.categories = new Map(this.config.categories.map((c) => [nameKey(c), c]));
    this.units = new Map(listUnits(db).map((u) => [nameKey(u.name), { id: u.id, name: u.name, active: !!u.active }]));
    for (const r of listReps(db, session.id)) {
      const info = { memberId: r.member_id, name: r.name, delegation: r.delegation, detail: detailOf(r.department, r.member_no) };
      const k = nameKey(r.name);
      this.reps.set(k, [...(this.reps.get(k) ?? []), info]);
    }
    const rows = proposalsRepo.sessionTitles(db, session.id);
    for (const r of rows) this.existing.set(`${r.proposer_member_id}|${titleKey(r.title)}`, this.numberOf(r.kind, r.serial));
    const next = (kind: string) =>
      proposalsRepo.nextSerial(db, session.id, kind);
    this.serials = { proposal: next('proposal'), opinion: next('opinion') };
  }

  numberOf(kind: 'proposal' | 'opinion', serial: number): string {
    const s = this.session;
    return numberOf({ kind, serial, term: s.term, meeting: s.meeting, session_start: s.start_date }, this.config);
  }

  /** The number the next item of this kind gets, counting the rows planned before it (file order). */
  takeNumber(kind: 'proposal' | 'opinion'): string {
    return this.numberOf(kind, this.serials[kind]++);
  }

  repsNamed(name: string): RepInfo[] {
    return this.reps.get(nameKey(name)) ?? [];
  }

  /** Live members of that name; the whole list is read once, and only when a name is not a representative. */
  membersNamed(name: string): MemberInfo[] {
    if (!this.members) {
      this.members = new Map();
      const rows = liveMemberNames(this.db) as { id: number; name: string; status: MemberStatus; department: string | null; member_no: string | null }[];
      for (const r of rows) {
        const k = nameKey(r.name);
        const info = { id: r.id, name: r.name, status: r.status, detail: detailOf(r.department, r.member_no) };
        this.members.set(k, [...(this.members.get(k) ?? []), info]);
      }
    }
    return this.members.get(nameKey(name)) ?? [];
  }

  /** The number of a proposal already registered by this proposer under this title, if any. */
  existingNumber(proposerId: number, title: string): string | undefined {
    return this.existing.get(`${proposerId}|${titleKey(title)}`);
  }
}

export const isCurrentMember = (m: MemberInfo): boolean => CURRENT_STATUSES.includes(m.status);
export const statusLabel = (m: MemberInfo): string => MEMBER_STATUS_LABELS[m.status] ?? m.status;

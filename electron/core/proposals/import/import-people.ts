/**
 * Names in a register → representatives of the session. Registers name people, not member numbers, so a name
 * is matched among the session's representatives; people of the same name are told apart by the 代表团
 * (from the 代表团 column, or written after the name: 王芳（第二代表团）). Whatever cannot be decided is an
 * error naming the candidates — never a guess. A name that is a member but not a representative comes back
 * with the member, so the wizard can offer to add them to the session first.
 */
import { toHalfWidth } from '../../../../shared/domain/text';
import { isCurrentMember, nameKey, statusLabel, type ImportLookups, type MemberInfo, type RepInfo } from './import-lookups';

export interface NamedPerson {
  name: string;
  /** Text in brackets after the name: a 代表团 or a department. */
  hint: string | null;
}

/** 王芳（第二代表团） → 王芳 + 第二代表团; 张三 → 张三. */
export function parsePerson(text: string): NamedPerson {
  const t = toHalfWidth(text).trim();
  const m = /^([^()[\]【】]+?)\s*[([【]([^)\]】]*)[)\]】]?\s*$/.exec(t);
  return m ? { name: m[1]!.trim(), hint: m[2]!.trim() || null } : { name: t, hint: null };
}

export type PersonMatch =
  | { ok: true; rep: RepInfo; warning?: string }
  | { ok: false; message: string; suggest?: MemberInfo };

const describe = (name: string, parts: (string | null)[]) => `${name}（${parts.filter(Boolean).join('，') || '无其他信息'}）`;

/**
 * `role` is 提案人 or 附议人; `delegation` the 代表团 the register gives for this person (column or brackets).
 */
export function matchPerson(look: ImportLookups, person: NamedPerson, role: string, delegation: string | null): PersonMatch {
  const { name } = person;
  const hint = person.hint ?? delegation;
  const reps = look.repsNamed(name);
  const sameDelegation = (r: RepInfo) => !!hint && nameKey(r.delegation) === nameKey(hint);
  if (reps.length === 1) {
    const rep = reps[0]!;
    const differs = hint && !sameDelegation(rep) && !rep.detail.includes(hint) ? hint : null;
    return differs
      ? { ok: true, rep, warning: `${role}${name}在代表名单中属「${rep.delegation}」，表中写的是「${differs}」，按代表名单登记` }
      : { ok: true, rep };
  }
  if (reps.length > 1) {
    const picked = reps.filter(sameDelegation);
    if (picked.length === 1) return { ok: true, rep: picked[0]! };
    const list = reps.map((r) => describe(r.name, [r.delegation, r.detail])).join('、');
    return {
      ok: false,
      message: `${role}「${name}」在${look.label}代表中有 ${reps.length} 位同名：${list}，无法确定是哪一位；请在表中注明代表团，如「${name}（${reps[0]!.delegation}）」`,
    };
  }
  const members = look.membersNamed(name);
  if (!members.length) return { ok: false, message: `${role}「${name}」不是${look.label}的代表，会员档案中也没有此人` };
  if (members.length > 1) {
    const list = members.map((m) => describe(m.name, [m.detail, statusLabel(m)])).join('、');
    return {
      ok: false,
      message: `${role}「${name}」不是${look.label}的代表；会员档案中有 ${members.length} 位同名：${list}。请先在「届次与代表」中把其中正确的一位加为本届代表`,
    };
  }
  const m = members[0]!;
  if (!isCurrentMember(m)) {
    return { ok: false, message: `${role}「${name}」不是${look.label}的代表，其会籍状态为「${statusLabel(m)}」，不能作为代表` };
  }
  return {
    ok: false,
    message: `${role}「${name}」${m.detail ? `（${m.detail}）` : ''}是会员，但不是${look.label}的代表；可先把其加为本届代表再导入`,
    suggest: m,
  };
}

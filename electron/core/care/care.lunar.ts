/**
 * Members who keep the 农历 birthday (#13). The roster has no field for it, so the choice is one settings row
 * ('careLunarBirthdays', the member ids) beside 慰问事由; the lunar day itself comes from the birth date.
 */
import { z } from 'zod';
import { lunarLabel, lunarOf } from '../../../shared/domain/lunar';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError } from '../errors';
import { readSetting, writeSetting } from '../settings/settings.repo';
import { getMemberLite } from './care.repo';

const KEY = 'careLunarBirthdays';

export function lunarMemberIds(db: DB): number[] {
  const parsed = z.array(z.number().int().positive()).safeParse(readSetting(db, KEY));
  return parsed.success ? parsed.data : [];
}

function answer(ctx: AppContext, memberId: number) {
  const m = getMemberLite(ctx.db, memberId);
  if (!m) throw new AppError('NOT_FOUND', '找不到该会员，可能已被删除。');
  const lunar = lunarMemberIds(ctx.db).includes(memberId);
  return { lunar, label: m.birth_date ? lunarLabel(lunarOf(m.birth_date)) : null };
}

export const lunarGet = (ctx: AppContext, memberId: number) => answer(ctx, memberId);

export function lunarSet(ctx: AppContext, memberId: number, lunar: boolean) {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const m = getMemberLite(db, memberId);
    if (!m) throw new AppError('NOT_FOUND', '找不到该会员，可能已被删除。');
    if (lunar && !m.birth_date) throw new AppError('VALIDATION', '该会员没有出生日期，无法按农历过生日。');
    const ids = lunarMemberIds(db).filter((i) => i !== memberId);
    if (lunar) ids.push(memberId);
    writeSetting(db, KEY, ids, now.toISOString());
    writeAudit(db, ctx.actor(), now, { action: 'care.lunarSet', entity: 'member', entityId: memberId, after: { lunarBirthday: lunar, name: m.name } });
  })();
  return answer(ctx, memberId);
}

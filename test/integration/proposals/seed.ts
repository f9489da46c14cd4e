import type { AppContext } from '../../../electron/core/context';
import type { CongressSession, HandlingUnit, ProposalDetail } from '../../../shared/contract';
import { call } from '../../helpers/context';

/** Valid 18-digit IDs, so the representatives are ordinary members of the files. */
export const IDS = ['110108198503120011', '310115199007040026', '440306197812250039', '32010219651001004X', '330106197311110066', '110101200501010105'];
export const NAMES = ['张三丰', '李秀英', '王建国', '赵敏', '钱学森', '孙小美'];

export interface Seeded {
  session: CongressSession;
  members: { id: number; name: string }[];
  units: HandlingUnit[];
}

/** 五届二次 with six representatives in two delegations and three handling units. */
export async function seedSession(ctx: AppContext, opts: { minSeconders?: number } = {}): Promise<Seeded> {
  const members: { id: number; name: string }[] = [];
  for (let i = 0; i < NAMES.length; i++) {
    members.push(await call(ctx, 'members.create', { member: { name: NAMES[i], idNumber: IDS[i] } }));
  }
  const session = await call<CongressSession>(ctx, 'sessions.create', {
    term: 5,
    meeting: 2,
    startDate: '2026-03-20',
    endDate: '2026-03-21',
    collectionDeadline: '2026-03-15',
    replyDeadline: '2026-05-31',
    minSeconders: opts.minSeconders ?? 2,
  });
  await call(ctx, 'representatives.add', {
    sessionId: session.id,
    entries: members.map((m, i) => ({ memberId: m.id, delegation: i < 3 ? '第一代表团' : '第二代表团' })),
  });
  const units: HandlingUnit[] = [];
  for (const name of ['后勤管理处', '教务处', '人事处']) units.push(await call(ctx, 'handlingUnits.create', { name }));
  return { session: await call<CongressSession[]>(ctx, 'sessions.list').then((l) => l[0]!), members, units };
}

export function register(ctx: AppContext, sessionId: number, proposal: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return call<ProposalDetail>(ctx, 'proposals.create', { sessionId, proposal: { submittedDate: '2026-03-10', ...proposal }, ...extra });
}

export const act = (ctx: AppContext, action: Record<string, unknown>) => call<ProposalDetail>(ctx, 'proposals.act', action);

/**
 * Proposes a kind for a plan item or activity from its words (DOMAIN.md §8.1). Only a proposal: the clerk
 * changes it in the preview. Order matters — a 教师节庆祝活动 with a 书画比赛 is first a festival.
 */
import { isBuiltInKind, type PlanItemKind } from '../../../shared/domain/plans-labels';
import type { AppContext } from '../context';
import { validationError } from '../errors';
import { getSettings } from '../settings/settings.service';

const RULES: [PlanItemKind, RegExp][] = [
  ['care', /送温暖|帮扶|帮困|慰问|困难|救助|一日捐|金秋助学|献爱心/],
  ['rights', /维权|权益|劳动合同|集体合同|集体协商|调解|争议|法律援助|劳动保护/],
  ['health', /体检|疗养|疗休养|休养/],
  ['award', /评优|评先|表彰|评选|先进|标兵|星级|模范/],
  ['contest', /劳动竞赛|技能|合理化建议|技术比武|岗位练兵|技术革新|劳动技术/],
  ['meeting', /会议|教代会|职代会|座谈会|委员会|代表大会|团拜会/],
  ['festival', /节|元旦|春节|三八|三·八|三。八|五一|五四|中秋|重阳|国庆|端午|元宵|迎春|新年|六一/],
  ['sports', /比赛|运动会|篮球|乒乓|羽毛球|登山|长跑|拔河|跳绳|象棋|棋牌|文艺|晚会|书画|摄影|健身|歌咏|联欢|徒步|自行车|演讲|文体|球赛/],
  ['training', /培训|学习|讲座|宣传|教育|读书|知识竞赛|法制/],
];

export function guessKind(text: string): PlanItemKind {
  for (const [kind, re] of RULES) if (re.test(text)) return kind;
  return 'other';
}

/**
 * A kind must be a built-in one (the parser proposes those, and old records keep them even when 设置 drops
 * one from the list) or one the office added in 设置 → 计划事项类别.
 */
export function assertKind(ctx: AppContext, kind: string, path: (string | number)[]): void {
  if (isBuiltInKind(kind)) return;
  const names = getSettings(ctx).planItemKinds;
  if (!names.includes(kind)) throw validationError(`类别「${kind}」不在设置的计划事项类别中（${names.join('、')}）。`, [{ path, message: '请从设置的类别中选择' }]);
}

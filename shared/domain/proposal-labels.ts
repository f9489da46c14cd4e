/**
 * Value lists of the proposal work (DOMAIN.md §3.2). The category list is the office's own (设置 in 提案工作);
 * these are the defaults it starts from, chosen by the unit type because schools and enterprises sort their
 * proposals differently.
 */
import type { UnitType } from './labels';

export {
  REPLY_CLASSES,
  REPLY_CLASS_LABELS,
  replyClassLabel,
  SATISFACTIONS,
  SATISFACTION_LABELS,
  PROPOSAL_KIND_LABELS,
} from './proposal-workflow';

/** School content areas (ganchn.net, DOMAIN.md §3.2), plus 其他 for what fits none. */
export const SCHOOL_CATEGORIES = [
  '教学与管理',
  '学生教育与管理',
  '后勤管理与服务',
  '科技创新与社会服务',
  '校园文化与精神文明',
  '规章制度建设',
  '体制机制建设',
  '教职工权益',
  '其他',
] as const;

/** Enterprise 职代会 categories (sy-oa WorkersProposalDto, DOMAIN.md §3.2); hospitals hold a 职代会 as well. */
export const ENTERPRISE_CATEGORIES = ['生产经营', '人事劳资', '劳动保护', '生活福利', '综合治理', '其他'] as const;

export function defaultCategories(unitType: UnitType): string[] {
  return unitType === 'school' ? [...SCHOOL_CATEGORIES] : [...ENTERPRISE_CATEGORIES];
}

/** Most schools require two seconders (DOMAIN.md §3.2); each session may set its own. */
export const DEFAULT_MIN_SECONDERS = 2;

/** A few common handling units to start the list with; the office edits the list to its own departments. */
export const SUGGESTED_UNITS: Record<UnitType, readonly string[]> = {
  school: ['校长办公室', '教务处', '学生工作处', '人事处', '财务处', '后勤管理处', '科研处', '工会'],
  hospital: ['院长办公室', '医务科', '护理部', '人事科', '财务科', '后勤保障科', '信息科', '工会'],
  company: ['总经理办公室', '生产部', '人力资源部', '财务部', '安全环保部', '后勤服务中心', '工会'],
};

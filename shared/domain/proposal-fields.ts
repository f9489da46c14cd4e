/**
 * The proposal record's one field table (DOMAIN.md §3.2): label, longest text and the header spellings real
 * registers use. The zod contract, the 提案表 form, the register's columns and the import mapping read it.
 * The handling-history columns (审查 … 满意度) are import-only: their values replay 立案/交办/答复/反馈.
 */
import type { FieldSpec } from './member-fields';

export const PROPOSAL_FIELDS = {
  title: {
    label: '案由', maxLength: 100,
    synonyms: ['案由', '题目', '提案题目', '标题', '案名', '提案名称', '提案标题', '提案案由', '提案内容', '提案'],
  },
  proposer: { label: '提案人', synonyms: ['提案人', '第一提案人', '提案人姓名', '领衔人', '领衔提案人', '提案代表', '提出人'] },
  seconders: { label: '附议人', maxLength: 30, synonyms: ['附议人', '附议人姓名', '附议代表', '附议', '联名人', '附议人签名'] },
  delegation: { label: '代表团', maxLength: 40, synonyms: ['代表团', '所在代表团', '所属代表团', '代表团名称', '代表组', '所在代表组'] },
  category: { label: '类别', maxLength: 30, synonyms: ['类别', '提案类别', '提案类型', '类型', '分类', '提案分类', '所属类别'] },
  unit: {
    label: '建议承办部门',
    synonyms: ['建议承办部门', '承办部门', '主办部门', '建议承办单位', '承办单位', '主办单位', '建议主办部门', '建议办理部门', '办理部门', '责任部门'],
  },
  coUnits: { label: '协办部门', synonyms: ['协办部门', '协办单位', '会办部门'] },
  submittedDate: { label: '提交日期', synonyms: ['提交日期', '日期', '提案时间', '提交时间', '提案日期', '登记日期', '填表日期', '时间'] },
  reasons: {
    label: '理由或依据', maxLength: 5000,
    synonyms: ['理由', '案由及理由', '问题与理由', '理由与依据', '提案理由', '依据', '理由和依据', '问题及理由', '情况和理由', '存在问题', '问题'],
  },
  suggestions: {
    label: '办法和建议', maxLength: 5000,
    synonyms: ['办法', '建议', '具体建议', '办法与建议', '办法和建议', '措施', '解决办法', '建议措施', '具体办法', '解决措施', '措施建议', '建议和措施'],
  },
  contactPhone: { label: '联系电话', maxLength: 20, synonyms: ['联系电话', '电话', '手机', '手机号码', '联系方式'] },
  remarks: { label: '备注', maxLength: 1000, synonyms: ['备注', '备注说明'] },
  sourceNo: { label: '原编号（记入备注）', synonyms: ['提案编号', '编号', '提案号', '原编号', '登记号', '案号', '提案序号'] },
  review: { label: '审查结果（立案等）', synonyms: ['审查意见', '审查结果', '立案情况', '是否立案', '审查情况', '处理意见', '立案意见'] },
  deadline: { label: '办理期限', synonyms: ['办理期限', '答复期限', '办理时限', '办结时限', '完成时限'] },
  reply: { label: '答复内容', synonyms: ['答复', '答复意见', '答复内容', '办理结果', '办理情况', '办理答复', '落实情况', '办理意见'] },
  replyClass: { label: '答复类别（A/B/C）', synonyms: ['答复类别', '答复类型', '办理结果类别', '办理类别', '结果类别', '答复分类', '办理结果分类'] },
  replyDate: { label: '答复日期', synonyms: ['答复日期', '答复时间', '办复日期', '办复时间'] },
  satisfaction: {
    label: '提案人意见（满意度）',
    synonyms: ['满意度', '提案人意见', '反馈意见', '是否满意', '满意程度', '提案人反馈', '反馈', '提案人满意度', '满意情况'],
  },
} as const satisfies Record<string, FieldSpec>;

export type ProposalField = keyof typeof PROPOSAL_FIELDS;
export type ProposalTextField = { [K in ProposalField]: (typeof PROPOSAL_FIELDS)[K] extends { maxLength: number } ? K : never }[ProposalField];

export const proposalLabel = (field: ProposalField): string => PROPOSAL_FIELDS[field].label;
export const proposalMax = (field: ProposalTextField): number => PROPOSAL_FIELDS[field].maxLength;

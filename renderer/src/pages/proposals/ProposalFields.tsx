import { Card, Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import type { ProposalDetail } from '../../../../shared/contract';
import { PROPOSAL_KIND_LABELS, replyClassLabel, SATISFACTION_LABELS } from '../../../../shared/domain/proposal-workflow';

const block = (text: string | null) =>
  text ? <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div> : <Typography.Text type="secondary">（未填写）</Typography.Text>;

/** The 提案表 as registered, then where it stands: units, deadline, answer and verdict. */
export function ProposalFields({ p }: { p: ProposalDetail }) {
  return (
    <Card size="small" title={PROPOSAL_KIND_LABELS[p.kind] === '提案' ? '提案表' : '意见建议表'} style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="proposal-fields">
        <Descriptions.Item label="届次">{p.sessionTitle}</Descriptions.Item>
        <Descriptions.Item label="类别">{p.category ?? '未分类'}</Descriptions.Item>
        <Descriptions.Item label="提案人">
          <span data-testid="detail-proposer">
            {p.proposer.name}
            {p.proposer.delegation && <Typography.Text type="secondary">（{p.proposer.delegation}）</Typography.Text>}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="提交日期">{p.submittedDate}</Descriptions.Item>
        <Descriptions.Item label={`附议人（${p.seconders.length} 人）`} span={2}>
          <span data-testid="detail-seconders">{p.seconders.map((s) => s.name).join('、') || '无'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="理由或依据" span={2}>
          {block(p.reasons)}
        </Descriptions.Item>
        <Descriptions.Item label="办法和建议" span={2}>
          {block(p.suggestions)}
        </Descriptions.Item>
        <Descriptions.Item label="建议承办部门">{p.suggestedUnit?.name ?? ''}</Descriptions.Item>
        <Descriptions.Item label="联系电话">{p.contactPhone ?? ''}</Descriptions.Item>
        {p.mergedInto && (
          <Descriptions.Item label="已并入" span={2}>
            <Link to={`/proposals/${p.mergedInto.id}`}>{p.mergedInto.number}</Link>「{p.mergedInto.title}」
          </Descriptions.Item>
        )}
        {p.mergedFrom.length > 0 && (
          <Descriptions.Item label="并入本案" span={2}>
            {p.mergedFrom.map((m) => (
              <div key={m.id}>
                <Link to={`/proposals/${m.id}`}>{m.number}</Link>「{m.title}」（{m.proposerName}）
              </div>
            ))}
          </Descriptions.Item>
        )}
        {p.round > 0 && (
          <>
            <Descriptions.Item label="主办部门">{p.leadUnit}</Descriptions.Item>
            <Descriptions.Item label="协办部门">{p.coUnits.map((u) => u.name).join('、')}</Descriptions.Item>
            <Descriptions.Item label="办理期限">
              <Typography.Text type={p.overdue ? 'danger' : undefined} data-testid="detail-deadline">
                {p.deadline}
                {p.overdue ? '（已逾期）' : ''}
                {p.round > 1 ? `　第 ${p.round} 轮` : ''}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="答复类别">{p.replyClass ? replyClassLabel(p.replyClass) : '尚未答复'}</Descriptions.Item>
            <Descriptions.Item label="提案人意见" span={2}>
              {p.feedback ? SATISFACTION_LABELS[p.feedback] : '尚未反馈'}
            </Descriptions.Item>
          </>
        )}
        {p.remarks && (
          <Descriptions.Item label="备注" span={2}>
            {p.remarks}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

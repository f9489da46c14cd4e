import { Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import type { ProposalDetail, ProposalEvent } from '../../../../shared/contract';
import {
  EVENT_TEXT_LABELS,
  PROPOSAL_EVENT_LABELS,
  replyClassLabel,
  SATISFACTION_LABELS,
  type ProposalEventType,
} from '../../../../shared/domain/proposal-workflow';

const COLORS: Record<ProposalEventType, string> = {
  register: 'gray',
  file: 'blue',
  merge: 'purple',
  convert: 'cyan',
  reject: 'red',
  withdraw: 'gray',
  assign: 'blue',
  reply: 'gold',
  feedback: 'orange',
  supervise: 'red',
  close: 'green',
};

function Line({ label, children }: { label: string; children: React.ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div>
      <Typography.Text type="secondary">{label}：</Typography.Text>
      <span style={{ whiteSpace: 'pre-wrap' }}>{children}</span>
    </div>
  );
}

function Details({ e, p }: { e: ProposalEvent; p: ProposalDetail }) {
  return (
    <>
      {e.type === 'merge' && e.target && (
        <Line label="并入">
          <Link to={`/proposals/${e.target.id}`}>{e.target.number}</Link>「{e.target.title}」
        </Line>
      )}
      {(e.type === 'assign' || e.type === 'supervise') && (
        <>
          <Line label="主办">{e.leadUnit}</Line>
          <Line label="协办">{e.coUnits.join('、')}</Line>
          <Line label="办理期限">{e.deadline}</Line>
        </>
      )}
      {e.type === 'reply' && (
        <Line label={e.unitId === p.leadUnitId ? '主办部门' : '协办部门'}>
          {e.unit}　{e.replyClass ? replyClassLabel(e.replyClass) : ''}
        </Line>
      )}
      {e.type === 'feedback' && e.satisfaction && <Line label="提案人意见">{SATISFACTION_LABELS[e.satisfaction]}</Line>}
      <Line label={EVENT_TEXT_LABELS[e.type]}>{e.text}</Line>
      <Line label="经办人">{e.handler}</Line>
    </>
  );
}

/** The workflow as it happened, oldest first: every step with its date, 经办人 and text. */
export function ProposalTimeline({ proposal }: { proposal: ProposalDetail }) {
  return (
    <Timeline
      data-testid="proposal-timeline"
      items={proposal.events.map((e) => ({
        key: e.id,
        color: COLORS[e.type],
        content: (
          <div data-testid="timeline-item" data-event-type={e.type}>
            <div>
              <Typography.Text strong>{PROPOSAL_EVENT_LABELS[e.type]}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {e.date}
              </Typography.Text>
            </div>
            <Details e={e} p={proposal} />
          </div>
        ),
      }))}
    />
  );
}

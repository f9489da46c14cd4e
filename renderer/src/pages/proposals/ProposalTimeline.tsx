import { Link } from 'react-router';
import type { ProposalDetail, ProposalEvent } from '../../../../shared/contract';
import {
  EVENT_TEXT_LABELS,
  PROPOSAL_EVENT_LABELS,
  replyClassLabel,
  SATISFACTION_LABELS,
  type ProposalEventType,
} from '../../../../shared/domain/proposal-workflow';
import { EventTimeline, TimelineLine } from '../../components/detail/EventTimeline';

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

function Details({ e, p }: { e: ProposalEvent; p: ProposalDetail }) {
  return (
    <>
      {e.type === 'merge' && e.target && (
        <TimelineLine label="并入">
          <Link to={`/proposals/${e.target.id}`}>{e.target.number}</Link>「{e.target.title}」
        </TimelineLine>
      )}
      {(e.type === 'assign' || e.type === 'supervise') && (
        <>
          <TimelineLine label="主办">{e.leadUnit}</TimelineLine>
          <TimelineLine label="协办">{e.coUnits.join('、')}</TimelineLine>
          <TimelineLine label="办理期限">{e.deadline}</TimelineLine>
        </>
      )}
      {e.type === 'reply' && (
        <TimelineLine label={e.unitId === p.leadUnitId ? '主办部门' : '协办部门'}>
          {e.unit}　{e.replyClass ? replyClassLabel(e.replyClass) : ''}
        </TimelineLine>
      )}
      {e.type === 'feedback' && e.satisfaction && <TimelineLine label="满意程度">{SATISFACTION_LABELS[e.satisfaction]}</TimelineLine>}
      <TimelineLine label={EVENT_TEXT_LABELS[e.type]}>{e.text}</TimelineLine>
      <TimelineLine label="经办人">{e.handler}</TimelineLine>
    </>
  );
}

/** The workflow as it happened, oldest first: every step with its date, 经办人 and text. */
export function ProposalTimeline({ proposal }: { proposal: ProposalDetail }) {
  return (
    <EventTimeline
      events={proposal.events}
      testId="proposal-timeline"
      color={(e) => COLORS[e.type]}
      label={(e) => PROPOSAL_EVENT_LABELS[e.type]}
      details={(e) => <Details e={e} p={proposal} />}
    />
  );
}

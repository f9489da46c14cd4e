import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  checkTransition,
  deriveWorkflow,
  isOverdue,
  PROPOSAL_EVENT_TYPES,
  type ProposalEventType,
  type ProposalKind,
  type WorkflowEvent,
} from '../../../shared/domain/proposal-workflow';

const LEAD = 1;
const CO = 2;
const OTHER = 3;
let nextId = 1;
const ev = (type: ProposalEventType, date: string, extra: Partial<WorkflowEvent> = {}): WorkflowEvent => ({ id: nextId++, type, date, ...extra });

const registered = [ev('register', '2026-03-01')];
const assign = (date: string, deadline = '2026-05-31') => ev('assign', date, { leadUnitId: LEAD, coUnitIds: [CO], deadline });
const reply = (date: string, unitId = LEAD, replyClass: 'A' | 'B' | 'C' = 'A') => ev('reply', date, { unitId, replyClass, text: '已落实' });

/** Histories that reach each situation, and the kind of item they belong to. */
const SITUATIONS: Record<string, { kind: ProposalKind; events: WorkflowEvent[] }> = {
  registered: { kind: 'proposal', events: registered },
  'registered opinion': { kind: 'opinion', events: registered },
  filed: { kind: 'proposal', events: [...registered, ev('file', '2026-03-10')] },
  converted: { kind: 'proposal', events: [...registered, ev('convert', '2026-03-10')] },
  merged: { kind: 'proposal', events: [...registered, ev('merge', '2026-03-10', { targetId: 99 })] },
  rejected: { kind: 'proposal', events: [...registered, ev('reject', '2026-03-10', { text: '属个人事项' })] },
  withdrawn: { kind: 'proposal', events: [...registered, ev('withdraw', '2026-03-10')] },
  assigned: { kind: 'proposal', events: [...registered, ev('file', '2026-03-10'), assign('2026-03-15')] },
  replied: { kind: 'proposal', events: [...registered, ev('file', '2026-03-10'), assign('2026-03-15'), reply('2026-04-01')] },
  'replied converted': { kind: 'proposal', events: [...registered, ev('convert', '2026-03-10'), assign('2026-03-15'), reply('2026-04-01')] },
  'replied opinion': { kind: 'opinion', events: [...registered, assign('2026-03-15'), reply('2026-04-01')] },
  'feedback satisfied': {
    kind: 'proposal',
    events: [...registered, ev('file', '2026-03-10'), assign('2026-03-15'), reply('2026-04-01'), ev('feedback', '2026-04-10', { satisfaction: 'satisfied' })],
  },
  'feedback unsatisfied': {
    kind: 'proposal',
    events: [...registered, ev('file', '2026-03-10'), assign('2026-03-15'), reply('2026-04-01'), ev('feedback', '2026-04-10', { satisfaction: 'unsatisfied' })],
  },
  closed: {
    kind: 'proposal',
    events: [
      ...registered,
      ev('file', '2026-03-10'),
      assign('2026-03-15'),
      reply('2026-04-01'),
      ev('feedback', '2026-04-10', { satisfaction: 'basic' }),
      ev('close', '2026-04-20'),
    ],
  },
};

/** A well-formed step of each type on the given date, so only the state decides. */
function step(type: ProposalEventType, date: string): WorkflowEvent {
  switch (type) {
    case 'merge':
      return ev(type, date, { targetId: 99 });
    case 'reject':
      return ev(type, date, { text: '不属于教代会职权范围' });
    case 'assign':
    case 'supervise':
      return ev(type, date, { leadUnitId: LEAD, coUnitIds: [CO], deadline: '2026-12-31' });
    case 'reply':
      // The co-unit has not replied in any of these histories; the lead unit may have.
      return ev(type, date, { unitId: CO, replyClass: 'B', text: '列入明年计划' });
    case 'feedback':
      return ev(type, date, { satisfaction: 'satisfied' });
    default:
      return ev(type, date);
  }
}

/** Every allowed step per situation (on 2026-06-15, after the 办理期限 of 2026-05-31); everything else is refused. */
const ALLOWED: Record<string, ProposalEventType[]> = {
  registered: ['file', 'merge', 'convert', 'reject', 'withdraw'],
  'registered opinion': ['withdraw', 'assign'],
  filed: ['withdraw', 'assign'],
  converted: ['withdraw', 'assign'],
  merged: [],
  rejected: [],
  withdrawn: [],
  assigned: ['reply', 'supervise'],
  replied: ['reply', 'feedback'],
  'replied converted': ['reply', 'feedback', 'close'],
  'replied opinion': ['reply', 'feedback', 'close'],
  'feedback satisfied': ['close'],
  'feedback unsatisfied': ['supervise', 'close'],
  closed: [],
};

describe('proposal workflow: every step from every state', () => {
  for (const [name, { kind, events }] of Object.entries(SITUATIONS)) {
    for (const type of PROPOSAL_EVENT_TYPES) {
      const allowed = ALLOWED[name]!.includes(type);
      it(`${name}: ${type} is ${allowed ? 'allowed' : 'refused in Chinese'}`, () => {
        const refusal = checkTransition(kind, events, step(type, '2026-06-15'));
        if (allowed) expect(refusal).toBeNull();
        else expect(refusal).toMatch(/[\u4e00-\u9fff]/);
      });
    }
    it(`${name}: the buttons offered are exactly the allowed steps`, () => {
      expect(allowedActions(kind, events, '2026-06-15').sort()).toEqual([...ALLOWED[name]!].sort());
    });
  }
});

describe('proposal workflow: derived state and refusals with reasons', () => {
  it('derives the state from the history, whatever order the events are given in', () => {
    const s = SITUATIONS['feedback satisfied']!.events;
    const v = deriveWorkflow([...s].reverse());
    expect(v).toMatchObject({ state: 'feedback', round: 1, leadUnitId: LEAD, feedback: 'satisfied', filed: true, replyDue: null });
    expect(v.leadReply).toEqual({ unitId: LEAD, replyClass: 'A', date: '2026-04-01' });
  });

  it('refuses a reply before 交办 and feedback before a reply, naming the reason', () => {
    const filed = SITUATIONS.filed!;
    expect(checkTransition('proposal', filed.events, step('reply', '2026-03-20'))).toContain('尚未交办');
    const assigned = SITUATIONS.assigned!;
    expect(checkTransition('proposal', assigned.events, step('feedback', '2026-03-20'))).toContain('尚未答复');
    expect(checkTransition('proposal', SITUATIONS.registered!.events, step('assign', '2026-03-20'))).toContain('尚未立案');
  });

  it('requires a reason for 不予立案 and a target for 并案', () => {
    expect(checkTransition('proposal', registered, ev('reject', '2026-03-05'))).toContain('理由');
    expect(checkTransition('proposal', registered, ev('reject', '2026-03-05', { text: '  ' }))).toContain('理由');
    expect(checkTransition('proposal', registered, ev('merge', '2026-03-05'))).toContain('并入');
  });

  it('checks the units and the 办理期限 of a round', () => {
    const filed = SITUATIONS.filed!.events;
    expect(checkTransition('proposal', filed, ev('assign', '2026-03-15', { coUnitIds: [], deadline: '2026-04-01' }))).toContain('主办部门');
    expect(checkTransition('proposal', filed, ev('assign', '2026-03-15', { leadUnitId: LEAD, coUnitIds: [LEAD], deadline: '2026-04-01' }))).toContain(
      '不能同时',
    );
    expect(checkTransition('proposal', filed, ev('assign', '2026-03-15', { leadUnitId: LEAD, coUnitIds: [CO, CO], deadline: '2026-04-01' }))).toContain(
      '重复',
    );
    expect(checkTransition('proposal', filed, ev('assign', '2026-03-15', { leadUnitId: LEAD, coUnitIds: [] }))).toContain('办理期限');
    expect(checkTransition('proposal', filed, ev('assign', '2026-03-15', { leadUnitId: LEAD, coUnitIds: [], deadline: '2026-03-01' }))).toContain(
      '不能早于',
    );
  });

  it('takes replies only from this round’s units, once each, with a class', () => {
    const assigned = SITUATIONS.assigned!.events;
    expect(checkTransition('proposal', assigned, ev('reply', '2026-04-01', { unitId: OTHER, replyClass: 'A' }))).toContain('不是本轮交办');
    expect(checkTransition('proposal', assigned, ev('reply', '2026-04-01', { unitId: LEAD }))).toContain('答复类别');
    const replied = SITUATIONS.replied!.events;
    expect(checkTransition('proposal', replied, ev('reply', '2026-04-05', { unitId: LEAD, replyClass: 'B' }))).toContain('已经答复过');
  });

  it('lets a co-unit reply without ending the round, and only the 主办 reply counts as the answer', () => {
    const assigned = SITUATIONS.assigned!.events;
    const v = deriveWorkflow([...assigned, reply('2026-04-01', CO, 'C')]);
    expect(v.state).toBe('assigned');
    expect(v.leadReply).toBeNull();
    expect(v.replyDue).toBe('2026-05-31');
  });

  it('refuses a step dated before the previous one', () => {
    expect(checkTransition('proposal', SITUATIONS.filed!.events, step('assign', '2026-03-05'))).toContain('早于上一步');
  });

  it('allows 督办 of an assigned proposal only once the 办理期限 has passed', () => {
    const assigned = SITUATIONS.assigned!.events;
    expect(checkTransition('proposal', assigned, step('supervise', '2026-05-31'))).toContain('尚未超过办理期限');
    expect(checkTransition('proposal', assigned, step('supervise', '2026-06-01'))).toBeNull();
  });

  it('opens a new round with 督办: new deadline, replies and feedback start again', () => {
    const unhappy = SITUATIONS['feedback unsatisfied']!.events;
    const v = deriveWorkflow([...unhappy, ev('supervise', '2026-04-15', { leadUnitId: LEAD, coUnitIds: [], deadline: '2026-05-15', text: '请重新研究' })]);
    expect(v).toMatchObject({ state: 'assigned', round: 2, deadline: '2026-05-15', repliedUnitIds: [], feedback: null, replyDue: '2026-05-15' });
    // The earlier answer stays on record until the unit answers again.
    expect(v.leadReply?.replyClass).toBe('A');
    expect(isOverdue(v, '2026-05-15')).toBe(false);
    expect(isOverdue(v, '2026-05-16')).toBe(true);
  });

  it('asks for the proposer’s feedback before a proposal is 办结', () => {
    expect(checkTransition('proposal', SITUATIONS.replied!.events, step('close', '2026-06-15'))).toContain('尚未反馈');
  });

  it('knows nothing may follow a final state, and registration happens once', () => {
    expect(checkTransition('proposal', SITUATIONS.closed!.events, step('reply', '2026-06-15'))).toContain('已办结');
    expect(checkTransition('proposal', registered, ev('register', '2026-03-02'))).toContain('重复登记');
    expect(checkTransition('proposal', [], ev('file', '2026-03-02'))).toContain('还没有登记');
    expect(checkTransition('proposal', [], ev('register', '2026-03-02'))).toBeNull();
  });
});

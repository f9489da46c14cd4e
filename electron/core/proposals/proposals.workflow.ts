import type { z } from 'zod';
import type { ProposalDetail, proposalAction } from '../../../shared/contract/proposals';
import { todayIso } from '../../../shared/domain/dates';
import {
  checkTransition,
  PROPOSAL_EVENT_LABELS,
  stateLabel,
  type ProposalKind,
  type WorkflowEvent,
} from '../../../shared/domain/proposal-workflow';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import type { DB } from '../db/open';
import { AppError, validationError } from '../errors';
import { cacheOf, numberOf, toWorkflowEvent, viewOf } from './proposals.mapper';
import { getProposalConfig } from './proposals.config';
import { getProposal } from './proposals.read';
import * as repo from './proposals.repo';
import { getUnit, sessionNumbering } from './sessions.repo';
import { scopeOf, type WriteScope } from '../imports/write-scope';

export type ProposalActionInput = z.output<typeof proposalAction>;

const REVIEWED_STATES = ['filed', 'assigned', 'replied', 'feedback'];

function assertUnits(db: DB, ids: readonly number[], mustBeActive: boolean): void {
  for (const id of ids) {
    const u = getUnit(db, id);
    if (!u) throw validationError(`编号为 ${id} 的承办部门不存在。`);
    if (mustBeActive && !u.active) throw validationError(`承办部门「${u.name}」已停用，不能再交办给它。`);
  }
}

/** 并案: into another filed proposal of the same session that is still being handled. */
function assertMergeTarget(db: DB, row: repo.ProposalRow, targetId: number): void {
  if (targetId === row.id) throw validationError('不能把提案并入它自己。');
  const t = repo.getRow(db, targetId);
  if (!t || t.session_id !== row.session_id) throw validationError('只能并入同一届次的提案。');
  if (t.kind !== 'proposal' || !REVIEWED_STATES.includes(t.state)) {
    throw validationError(`并入的提案须已立案且尚未办结（该提案当前为「${stateLabel(t.state as never, t.kind)}」）。`);
  }
}

function toNewEvent(a: ProposalActionInput, handler: string | null, batch: number | null): repo.NewEvent {
  return {
    proposal_id: a.proposalId,
    type: a.type,
    date: a.date,
    handler,
    text: a.text || null,
    target_id: a.type === 'merge' ? a.targetId : null,
    lead_unit_id: a.type === 'assign' || a.type === 'supervise' ? a.leadUnitId : null,
    co_unit_ids_json: JSON.stringify(a.type === 'assign' || a.type === 'supervise' ? a.coUnitIds : []),
    deadline: a.type === 'assign' || a.type === 'supervise' ? a.deadline : null,
    unit_id: a.type === 'reply' ? a.unitId : null,
    reply_class: a.type === 'reply' ? a.replyClass : null,
    satisfaction: a.type === 'feedback' ? a.satisfaction : null,
    import_batch_id: batch,
  };
}

/**
 * Applies one workflow step inside the caller's transaction: the shared rules decide whether it may follow
 * the history, the row's cached state is recomputed from all events, and the audit log gets the change.
 * An import replays a register's 立案/交办/答复 columns through here with its batch id.
 */
export function actIn(scope: WriteScope, a: ProposalActionInput): void {
  const { db, now } = scope;
  if (a.date > todayIso(now)) throw validationError(`${PROPOSAL_EVENT_LABELS[a.type]}日期不能晚于今天。`, [{ path: ['date'], message: '日期不能晚于今天' }]);
  const row = repo.getRow(db, a.proposalId);
  if (!row) throw new AppError('NOT_FOUND', '找不到该提案，可能已被删除。');
  const history = repo.listEvents(db, row.id);
  const next: WorkflowEvent = toWorkflowEvent({ ...toNewEvent(a, null, null), id: 0, created_at: '' });
  const refusal = checkTransition(row.kind as ProposalKind, history.map(toWorkflowEvent), next);
  if (refusal) throw new AppError('CONFLICT', refusal);
  if (a.type === 'merge') assertMergeTarget(db, row, a.targetId);
  if (a.type === 'assign' || a.type === 'supervise') assertUnits(db, [a.leadUnitId, ...a.coUnitIds], true);
  const nowIso = now.toISOString();
  const before = row.state;
  const eventId = repo.insertEvent(db, toNewEvent(a, a.handler || scope.actor || null, scope.batchId ?? null), nowIso);
  const view = viewOf(repo.listEvents(db, row.id));
  repo.writeWorkflowCache(db, row.id, cacheOf(view), nowIso);
  const session = sessionNumbering(db, row.session_id);
  writeAudit(db, scope.actor, now, {
    action: `proposals.${a.type}`,
    entity: 'proposal',
    entityId: row.id,
    before: { state: before },
    after: {
      state: view.state,
      eventId,
      step: PROPOSAL_EVENT_LABELS[a.type],
      number: numberOf({ ...row, ...session, session_start: session.start_date }, getProposalConfig(db)),
    },
  });
}

export function act(ctx: AppContext, a: ProposalActionInput): ProposalDetail {
  const scope = scopeOf(ctx);
  scope.db.transaction(() => actIn(scope, a))();
  return getProposal(ctx, a.proposalId);
}

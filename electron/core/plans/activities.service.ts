/** 活动台账: the evidence of the plan (DOMAIN.md §8.2). Photos go through the content-addressed file store. */
import type { ActivityFields, ActivityRow } from '../../../shared/contract/plans';
import { planKindLabel } from '../../../shared/domain/plans-labels';
import { writeAudit } from '../audit';
import type { AppContext } from '../context';
import { AppError, validationError } from '../errors';
import { storeFile } from '../files/attachments';
import { recordBlob } from '../files/blobs.repo';
import { getSettings } from '../settings/settings.service';
import * as repo from './activities.repo';
import { assertKind } from './plan-kinds';
import * as plansRepo from './plans.repo';

export function toActivityRow(ctx: AppContext, r: repo.ActivityDbRow): ActivityRow {
  const people = repo.participants(ctx.db, r.id);
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    kindLabel: planKindLabel(r.kind),
    startDate: r.start_date,
    endDate: r.end_date,
    place: r.place,
    organizer: r.organizer,
    headCount: r.head_count,
    participantCount: people.length || (r.head_count ?? 0),
    costFen: r.cost_fen,
    costSource: r.cost_source,
    leader: r.leader,
    summary: r.summary,
    participants: people,
    planItemIds: repo.planItemIds(ctx.db, r.id),
    attachments: repo.attachments(ctx.db, r.id).map((a) => ({ id: a.id, label: a.label, sizeBytes: a.size_bytes, mime: a.mime })),
  };
}

export function listActivities(ctx: AppContext, q: { year?: number | undefined; kind?: string | undefined; memberId?: number | undefined }) {
  const rows = repo
    .listActivities(ctx.db, { from: q.year ? `${q.year}-01-01` : '0000', to: q.year ? `${q.year}-12-31` : '9999', kind: q.kind ?? null, memberId: q.memberId ?? null })
    .map((r) => toActivityRow(ctx, r));
  return { rows, costFen: rows.reduce((s, r) => s + r.costFen, 0), participants: rows.reduce((s, r) => s + r.participantCount, 0) };
}

export async function createActivity(ctx: AppContext, f: ActivityFields, tokens: string[]): Promise<ActivityRow> {
  if (f.endDate && f.endDate < f.startDate) throw validationError('结束日期不能早于开始日期。', [{ path: ['activity', 'endDate'], message: '不能早于开始日期' }]);
  // Files are copied into files/ before the transaction (I/O outside, rows inside), as disclosures do.
  const limit = getSettings(ctx).attachmentMaxMb * 1024 * 1024;
  const uploads: Awaited<ReturnType<typeof storeFile>>[] = [];
  for (const token of tokens) {
    const file = ctx.files.resolve(token);
    uploads.push(await storeFile(ctx.paths.filesDir, file.path, file.fileName, limit));
  }
  assertKind(ctx, f.kind, ['activity', 'kind']);
  const db = ctx.db;
  const now = ctx.clock();
  const nowIso = now.toISOString();
  const id = db
    .transaction(() => {
      for (const m of f.participantIds) if (!repo.memberName(db, m)) throw new AppError('NOT_FOUND', '所选参加人中有会员找不到，可能已被删除。');
      for (const i of f.planItemIds) if (!plansRepo.itemExists(db, i)) throw new AppError('NOT_FOUND', '所选计划事项找不到，请刷新后重试。');
      const row: repo.ActivityWrite = {
        name: f.name,
        kind: f.kind,
        start_date: f.startDate,
        end_date: f.endDate ?? null,
        place: f.place?.trim() || null,
        organizer: f.organizer?.trim() || null,
        head_count: f.headCount ?? null,
        cost_fen: Math.round((f.cost ?? 0) * 100),
        cost_source: f.costSource?.trim() || null,
        leader: f.leader?.trim() || null,
        summary: f.summary?.trim() || null,
      };
      const newId = repo.insertActivity(db, row, nowIso);
      for (const m of f.participantIds) repo.addParticipant(db, newId, m);
      for (const i of f.planItemIds) repo.linkPlanItem(db, newId, i);
      plansRepo.markItemsDone(db, f.planItemIds, nowIso);
      for (const u of uploads) {
        recordBlob(db, { sha256: u.sha256, sizeBytes: u.sizeBytes, mime: u.type.mime }, nowIso);
        repo.insertAttachment(db, newId, u.sha256, u.label, nowIso);
      }
      writeAudit(db, ctx.actor(), now, {
        action: 'activities.create',
        entity: 'activity',
        entityId: newId,
        after: { ...row, participantIds: f.participantIds, planItemIds: f.planItemIds, attachments: uploads.map((u) => ({ label: u.label, sha256: u.sha256 })) },
      });
      return newId;
    })
    .immediate();
  return toActivityRow(ctx, repo.getActivity(db, id)!);
}

export function removeActivity(ctx: AppContext, id: number, reason: string): boolean {
  const db = ctx.db;
  const now = ctx.clock();
  db.transaction(() => {
    const before = repo.getActivity(db, id);
    if (!before) throw new AppError('NOT_FOUND', '找不到该活动记录，可能已被删除。');
    repo.softDeleteActivity(db, id, reason, now.toISOString());
    writeAudit(db, ctx.actor(), now, { action: 'activities.remove', entity: 'activity', entityId: id, before, after: { reason } });
  })();
  return true;
}

import fs from 'node:fs';
import { checkOtherId, checkResidentId } from '../../../shared/domain/id-number';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { memberRegistrationHtml } from '../print/member-registration';
import { piiWriterFor } from '../operators/pii';
import type { Handlers } from '../router';
import { getSettings } from '../settings/settings.service';
import * as repo from './members.repo';
import {
  addMemberEvent,
  createMember,
  findMember,
  getMember,
  listMembers,
  moveMembers,
  removeMember,
  updateMember,
} from './members.service';
import { exportMembers } from './members.export';
import { cancelJob } from '../jobs';
import { memberStats } from './members.stats';

type MemberChannels =
  | 'members.list'
  | 'members.get'
  | 'members.find'
  | 'members.create'
  | 'members.update'
  | 'members.remove'
  | 'members.addEvent'
  | 'members.checkId'
  | 'members.moveGroup'
  | 'members.stats'
  | 'members.export'
  | 'members.exportCancel'
  | 'members.registrationHtml'
  | 'members.registrationPdf';

/** 登记表 with the ID number and phone full or masked by the role and 设置 (operators/pii.ts). */
const registrationHtml = (ctx: AppContext, id: number, revealIds?: boolean) => {
  const m = getMember(ctx, id);
  const w = piiWriterFor(ctx, revealIds);
  return memberRegistrationHtml({ ...m, idNumber: w('id', m.idNumber), phone: w('phone', m.phone) }, getSettings(ctx), ctx.clock());
};

export const membersHandlers: Pick<Handlers<AppContext>, MemberChannels> = {
  'members.list': (q, ctx) => listMembers(ctx, q),
  'members.get': ({ id }, ctx) => getMember(ctx, id),
  'members.find': ({ key }, ctx) => findMember(ctx, key),
  'members.create': ({ member, arrival }, ctx) => createMember(ctx, member, arrival),
  'members.update': ({ id, member, expectedUpdatedAt }, ctx) => updateMember(ctx, id, member, expectedUpdatedAt),
  'members.remove': ({ id, reason }, ctx) => ({ removed: removeMember(ctx, id, reason) }),
  'members.addEvent': (input, ctx) => addMemberEvent(ctx, input),
  'members.moveGroup': ({ memberIds, toGroupId, date, reason }, ctx) => ({
    moved: moveMembers(ctx, memberIds, toGroupId, date, reason),
  }),
  'members.checkId': ({ idType, idNumber, excludeId }, ctx) => {
    const resident = idType === 'resident' ? checkResidentId(idNumber, ctx.clock()) : null;
    const check = resident ?? checkOtherId(idType, idNumber);
    const dup = check.ok ? repo.findByIdNumber(ctx.db, check.normalized) : undefined;
    return {
      ok: check.ok,
      normalized: check.normalized,
      reason: check.ok ? null : check.reason,
      birthDate: resident?.ok ? resident.birthDate : null,
      gender: resident?.ok ? resident.sex : null,
      duplicateOf: dup && dup.id !== excludeId ? { id: dup.id, name: dup.name, memberNo: dup.member_no } : null,
    };
  },
  'members.stats': (_i, ctx) => memberStats(ctx.db, ctx.clock()),
  'members.export': ({ query, template, jobId, revealIds, reason }, ctx) => exportMembers(ctx, query, template, jobId, { revealIds, reason }),
  'members.exportCancel': ({ jobId }, ctx) => ({ cancelled: cancelJob(ctx, jobId) }),
  'members.registrationHtml': ({ id, revealIds }, ctx) => ({ html: registrationHtml(ctx, id, revealIds) }),
  'members.registrationPdf': async ({ id, revealIds }, ctx) => {
    if (!ctx.ports.pdf) throw new AppError('UNAVAILABLE', '当前环境无法生成 PDF。');
    const member = getMember(ctx, id);
    const pdf = await ctx.ports.pdf.render(registrationHtml(ctx, id, revealIds));
    const out = ctx.files.createOutput(`工会会员登记表-${member.name}.pdf`);
    fs.writeFileSync(out.path, pdf);
    return out.ref();
  },
};

import type { AppContext } from '../context';
import type { Handlers } from '../router';
import { visitsXlsx } from './care.export';
import { greetingPdf, greetingPreview, greetingXlsx } from './care.greetings';
import { lunarGet, lunarSet } from './care.lunar';
import { careOccasions, updateCareOccasions } from './care.occasions';
import { payoutPdf, payoutPreview } from './care.payout';
import { approveVisit, birthdays, createVisit, decadeBirthdays, listVisits, removeVisit } from './care.service';
import { hardshipHtml, hardshipPdf, hardshipRosterXlsx } from './hardship.print';
import {
  addAid,
  addAttachments,
  attachmentFile,
  createHardship,
  getHardship,
  listHardship,
  removeAid,
  removeAttachment,
  reviewHardshipFile,
  updateHardship,
} from './hardship.service';

type CareChannels =
  | 'care.payoutHtml'
  | 'care.payoutPdf'
  | 'care.list'
  | 'care.listXlsx'
  | 'care.create'
  | 'care.approve'
  | 'care.remove'
  | 'care.occasionsGet'
  | 'care.occasionsUpdate'
  | 'care.hardshipList'
  | 'care.hardshipCreate'
  | 'care.hardshipReview'
  | 'care.hardshipGet'
  | 'care.hardshipUpdate'
  | 'care.hardshipAidAdd'
  | 'care.hardshipAidRemove'
  | 'care.hardshipAttachmentAdd'
  | 'care.hardshipAttachmentRemove'
  | 'care.hardshipAttachmentFile'
  | 'care.hardshipHtml'
  | 'care.hardshipPdf'
  | 'care.hardshipRosterXlsx'
  | 'care.birthdays'
  | 'care.decade'
  | 'care.birthdaysHtml'
  | 'care.birthdaysPdf'
  | 'care.birthdaysXlsx'
  | 'care.decadeHtml'
  | 'care.decadePdf'
  | 'care.decadeXlsx'
  | 'care.lunarGet'
  | 'care.lunarSet';

export const careHandlers: Pick<Handlers<AppContext>, CareChannels> = {
  'care.payoutHtml': (p, ctx) => payoutPreview(ctx, p),
  'care.payoutPdf': (p, ctx) => payoutPdf(ctx, p),
  'care.list': (q, ctx) => listVisits(ctx, q),
  'care.listXlsx': ({ revealIds, reason, ...q }, ctx) => visitsXlsx(ctx, q, { revealIds, reason }),
  'care.create': ({ visit }, ctx) => createVisit(ctx, visit),
  'care.approve': ({ id, ...s }, ctx) => approveVisit(ctx, id, s),
  'care.remove': ({ id, reason }, ctx) => ({ removed: removeVisit(ctx, id, reason) }),
  'care.occasionsGet': (_p, ctx) => careOccasions(ctx),
  'care.occasionsUpdate': ({ occasions }, ctx) => updateCareOccasions(ctx, occasions),
  'care.hardshipList': ({ status }, ctx) => listHardship(ctx, status),
  'care.hardshipCreate': ({ hardship }, ctx) => createHardship(ctx, hardship),
  'care.hardshipReview': ({ id, status, reviewedOn, reason }, ctx) => reviewHardshipFile(ctx, id, status, reviewedOn, reason),
  'care.hardshipGet': ({ id, revealIds }, ctx) => getHardship(ctx, id, revealIds),
  'care.hardshipUpdate': ({ id, hardship }, ctx) => updateHardship(ctx, id, hardship),
  'care.hardshipAidAdd': ({ fileId, aid }, ctx) => addAid(ctx, fileId, aid),
  'care.hardshipAidRemove': ({ id, reason }, ctx) => removeAid(ctx, id, reason),
  'care.hardshipAttachmentAdd': ({ fileId, kind, tokens }, ctx) => addAttachments(ctx, fileId, kind, tokens),
  'care.hardshipAttachmentRemove': ({ id }, ctx) => removeAttachment(ctx, id),
  'care.hardshipAttachmentFile': ({ id }, ctx) => attachmentFile(ctx, id),
  'care.hardshipHtml': ({ id, revealIds }, ctx) => hardshipHtml(ctx, id, revealIds),
  'care.hardshipPdf': ({ id, revealIds }, ctx) => hardshipPdf(ctx, id, revealIds),
  'care.hardshipRosterXlsx': ({ status, revealIds, reason }, ctx) => hardshipRosterXlsx(ctx, status, { revealIds, reason }),
  'care.birthdays': ({ year, month }, ctx) => birthdays(ctx, year, month),
  'care.decade': ({ year, minAge }, ctx) => decadeBirthdays(ctx, year, minAge),
  'care.birthdaysHtml': (q, ctx) => greetingPreview(ctx, { kind: 'month', ...q }),
  'care.birthdaysPdf': (q, ctx) => greetingPdf(ctx, { kind: 'month', ...q }),
  'care.birthdaysXlsx': (q, ctx) => greetingXlsx(ctx, { kind: 'month', ...q }),
  'care.decadeHtml': (q, ctx) => greetingPreview(ctx, { kind: 'decade', ...q }),
  'care.decadePdf': (q, ctx) => greetingPdf(ctx, { kind: 'decade', ...q }),
  'care.decadeXlsx': (q, ctx) => greetingXlsx(ctx, { kind: 'decade', ...q }),
  'care.lunarGet': ({ memberId }, ctx) => lunarGet(ctx, memberId),
  'care.lunarSet': ({ memberId, lunar }, ctx) => lunarSet(ctx, memberId, lunar),
};

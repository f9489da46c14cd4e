import type { AppContext } from '../context';
import type { Handlers } from '../router';
import { catalogueHtml, cataloguePdf, catalogueXlsx } from './disclosures.catalogue';
import { disclosureYears } from './disclosures.repo';
import {
  attachmentFile,
  createDisclosure,
  findDisclosure,
  getDisclosure,
  inspectUpload,
  listDisclosures,
  openAttachment,
  removeDisclosure,
  updateDisclosure,
} from './disclosures.service';
import {
  archiveOpinion,
  createOpinion,
  defaultDueDate,
  getOpinion,
  listOpinions,
  removeOpinion,
  replyOpinion,
  updateOpinion,
} from './opinions.service';

type DisclosureChannels =
  | 'disclosures.list'
  | 'disclosures.get'
  | 'disclosures.find'
  | 'disclosures.create'
  | 'disclosures.update'
  | 'disclosures.remove'
  | 'disclosures.inspectUpload'
  | 'disclosures.openAttachment'
  | 'disclosures.attachmentFile'
  | 'disclosures.catalogueHtml'
  | 'disclosures.cataloguePdf'
  | 'disclosures.catalogueXlsx'
  | 'disclosures.years'
  | 'opinions.list'
  | 'opinions.get'
  | 'opinions.create'
  | 'opinions.update'
  | 'opinions.reply'
  | 'opinions.archive'
  | 'opinions.remove'
  | 'opinions.dueDate';

export const disclosuresHandlers: Pick<Handlers<AppContext>, DisclosureChannels> = {
  'disclosures.list': (q, ctx) => listDisclosures(ctx, q),
  'disclosures.get': ({ id }, ctx) => getDisclosure(ctx, id),
  'disclosures.find': ({ key }, ctx) => findDisclosure(ctx, key),
  'disclosures.create': ({ disclosure, uploads }, ctx) => createDisclosure(ctx, disclosure, uploads),
  'disclosures.update': (input, ctx) => updateDisclosure(ctx, input),
  'disclosures.remove': ({ id, reason }, ctx) => ({ removed: removeDisclosure(ctx, id, reason) }),
  'disclosures.inspectUpload': ({ token }, ctx) => inspectUpload(ctx, token),
  'disclosures.openAttachment': async ({ attachmentId }, ctx) => ({ opened: await openAttachment(ctx, attachmentId) }),
  'disclosures.attachmentFile': ({ attachmentId }, ctx) => attachmentFile(ctx, attachmentId),
  'disclosures.catalogueHtml': (p, ctx) => catalogueHtml(ctx, p),
  'disclosures.cataloguePdf': (p, ctx) => cataloguePdf(ctx, p),
  'disclosures.catalogueXlsx': (p, ctx) => catalogueXlsx(ctx, p),
  'disclosures.years': (_i, ctx) => disclosureYears(ctx.db),
  'opinions.list': (q, ctx) => listOpinions(ctx, q),
  'opinions.get': ({ id }, ctx) => getOpinion(ctx, id),
  'opinions.create': ({ opinion }, ctx) => createOpinion(ctx, opinion),
  'opinions.update': ({ id, opinion, expectedUpdatedAt }, ctx) => updateOpinion(ctx, id, opinion, expectedUpdatedAt),
  'opinions.reply': ({ id, reply, repliedOn, repliedBy }, ctx) => replyOpinion(ctx, id, reply, repliedOn, repliedBy),
  'opinions.archive': ({ id, archived }, ctx) => archiveOpinion(ctx, id, archived),
  'opinions.remove': ({ id, reason }, ctx) => ({ removed: removeOpinion(ctx, id, reason) }),
  'opinions.dueDate': ({ receivedOn }, ctx) => defaultDueDate(ctx, receivedOn),
};

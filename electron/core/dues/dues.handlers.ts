import type { AppContext } from '../context';
import type { Handlers } from '../router';
import { cancelJob } from '../jobs';
import { collectionPdf, collectionPreview, collectionXlsx, yearSummary, yearSummaryXlsx } from './dues.collection';
import { duesXlsx } from './dues.export';
import { arrears, computeDues, computePeriod, duesSheet, markDuesPaid, periodPage, periodSheet, periodTotals } from './dues.service';

type DuesChannels = 'dues.compute' | 'dues.computeCancel' | 'dues.sheet' | 'dues.markPaid' | 'dues.arrears' | 'dues.exportXlsx' | 'dues.computePeriod' | 'dues.periodSheet'
  | 'dues.periodTotals' | 'dues.periodPage' | 'dues.exportCancel'
  | 'dues.collectionHtml' | 'dues.collectionPdf' | 'dues.collectionXlsx' | 'dues.summary' | 'dues.summaryXlsx';

export const duesHandlers: Pick<Handlers<AppContext>, DuesChannels> = {
  'dues.compute': ({ period, jobId }, ctx) => computeDues(ctx, period, jobId),
  'dues.computeCancel': ({ jobId }, ctx) => ({ cancelled: cancelJob(ctx, jobId) }),
  'dues.sheet': ({ period }, ctx) => duesSheet(ctx, period),
  'dues.markPaid': ({ ids, paidOn, payer, receiptNo }, ctx) => ({ marked: markDuesPaid(ctx, ids, paidOn, payer, receiptNo) }),
  'dues.arrears': ({ asOf, months }, ctx) => arrears(ctx, asOf, months),
  'dues.exportXlsx': ({ period, revealIds, reason, jobId }, ctx) => duesXlsx(ctx, period, { revealIds, reason }, jobId),
  'dues.computePeriod': ({ period, jobId }, ctx) => computePeriod(ctx, period, jobId),
  'dues.periodSheet': ({ period }, ctx) => periodSheet(ctx, period),
  'dues.periodTotals': ({ period }, ctx) => periodTotals(ctx, period),
  'dues.periodPage': ({ period, offset, limit }, ctx) => periodPage(ctx, period, offset, limit),
  'dues.collectionHtml': ({ period, group }, ctx) => collectionPreview(ctx, period, group),
  'dues.collectionPdf': ({ period, group, jobId }, ctx) => collectionPdf(ctx, period, group, jobId),
  'dues.collectionXlsx': ({ period, revealIds, reason, jobId }, ctx) => collectionXlsx(ctx, period, { revealIds, reason }, jobId),
  'dues.summary': ({ year }, ctx) => yearSummary(ctx, year),
  'dues.summaryXlsx': ({ year, jobId }, ctx) => yearSummaryXlsx(ctx, year, jobId),
  'dues.exportCancel': ({ jobId }, ctx) => ({ cancelled: cancelJob(ctx, jobId) }),
};

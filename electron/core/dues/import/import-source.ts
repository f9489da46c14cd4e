/** The file side of a wage / payment import: the shared small-import source with the dues sheet's detection. */
import type { SheetSource } from '../../imports/small-source';
import { smallSource } from '../../imports/small-source';
import { detectDuesTable, duesHeaderSignature } from './dues-columns';

export type DuesSource = SheetSource;

const source = smallSource({
  detect: detectDuesTable,
  signature: duesHeaderSignature,
  notFound: (reasons) => `文件中没有找到工资表或会费缴纳表（${reasons}）。表头应有「姓名」「身份证号」或「工号」，以及「月工资」或「实缴会费」等列。`,
  exampleHeaders: '姓名、身份证号、月工资、实缴会费',
});

export const listDuesSheets = source.list;
export const readDuesSheet = source.read;
export const forgetDuesSource = source.forget;

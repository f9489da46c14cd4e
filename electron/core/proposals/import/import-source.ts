/** The file side of a proposal register import: the shared small-import source with the register's detection. */
import type { SheetSource } from '../../imports/small-source';
import { smallSource } from '../../imports/small-source';
import { detectProposalTable, proposalHeaderSignature } from './proposal-columns';

export type { OkTable } from '../../imports/source';
export type ProposalSource = SheetSource;

const source = smallSource({
  detect: detectProposalTable,
  signature: proposalHeaderSignature,
  notFound: (reasons) => `文件中没有找到提案登记表（${reasons}）。表头应有「案由」「提案人」等列。`,
  exampleHeaders: '案由、提案人、附议人',
});

export const listProposalSheets = source.list;
export const readProposalSheet = source.read;
export const forgetProposalSource = source.forget;

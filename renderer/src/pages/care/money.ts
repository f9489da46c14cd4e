import { yuan } from '../../../../shared/domain/dues';

/** 1234.5 元 from fen, for tables. */
export const money = (fen: number | null | undefined): string => (fen == null ? '—' : yuan(fen));

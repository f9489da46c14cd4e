/**
 * Header cell → field, for every record type's import: the same three rules everywhere, each type bringing
 * only its words (DOMAIN.md §1.2 for members):
 *   exact synonym → confidence 1;  a synonym at the end after a short neutral qualifier (第一提案人, 本月实缴会费,
 *   职工姓名) → 0.7;  a qualifier naming somebody else (家长联系电话, 应缴会费) → no field.
 * Then each field goes to the one column that names it most surely (the clerk's choice first); a column that
 * lost says which column won, so the clerk sees why it is not imported.
 */
import { createHash } from 'node:crypto';
import type { DetectedColumn } from '../spreadsheet/detect';
import { normalizeHeader } from '../spreadsheet/header-text';

export interface FieldGuess<F extends string> {
  field: F;
  confidence: number;
}

export interface HeaderVocabulary<F extends string> {
  synonyms: Record<F, readonly string[]>;
  /** Header words of such sheets that are not imported: they still mark a row as the header. */
  other: readonly string[];
  /** Generic words that count only as the whole header (日期 alone is no 缴费日期). */
  exactOnly?: readonly string[];
  /** A qualifier ending so (联系人, 配偶 …) makes the header somebody else's. */
  foreignQualifier: RegExp;
  /** A longer qualifier is a sentence, not a header. */
  maxQualifier: number;
  /** A field whose numbered columns (附议人1, 附议人二) all name it exactly. */
  numbered?: F;
}

/** Numbering of repeated columns: 附议人1, 附议人二, 附议人(2) — brackets are gone after normalizeHeader. */
const TRAILING_NUMBER = /(?:[0-9]+|[一二三四五六七八九十]+)$/;

export interface HeaderMatcher<F extends string> {
  /** The field a header names, or null. `group` is the cell above in a two-row header, tried second. */
  guess(text: string, group?: string): FieldGuess<F> | null;
  /** For `detectTable`: how surely a header cell names something such a sheet has. 序号 alone counts little. */
  score(text: string): number;
}

export function headerMatcher<F extends string>(v: HeaderVocabulary<F>): HeaderMatcher<F> {
  const exact = new Map<string, F>();
  for (const [field, words] of Object.entries(v.synonyms) as [F, readonly string[]][]) for (const w of words) exact.set(normalizeHeader(w), field);
  const exactOnly = new Set(v.exactOnly ?? []);
  const byLength = [...exact.keys()].filter((k) => k.length >= 2 && !exactOnly.has(k)).sort((a, b) => b.length - a.length);
  const other = new Set(v.other.map(normalizeHeader));

  const one = (n: string): FieldGuess<F> | null => {
    if (!n || other.has(n)) return null;
    const hit = exact.get(n);
    if (hit) return { field: hit, confidence: 1 };
    if (v.numbered) {
      const bare = n.replace(TRAILING_NUMBER, '');
      if (bare !== n && exact.get(bare) === v.numbered) return { field: v.numbered, confidence: 1 };
    }
    for (const syn of byLength) {
      if (!n.endsWith(syn)) continue;
      const qualifier = n.slice(0, n.length - syn.length);
      if (v.foreignQualifier.test(qualifier) || qualifier.length > v.maxQualifier) return null;
      return { field: exact.get(syn)!, confidence: 0.7 };
    }
    return null;
  };
  return {
    guess(text, group) {
      const own = one(normalizeHeader(text));
      if (own || !group) return own;
      return one(normalizeHeader(group) + normalizeHeader(text));
    },
    score(text) {
      const n = normalizeHeader(text);
      if (!n) return 0;
      if (other.has(n)) return 0.5;
      const g = one(n);
      if (!g) return 0;
      return g.field === ('seq' as F) ? 0.3 : g.confidence;
    },
  };
}

/**
 * Stable id of a header layout (sha256 of the normalised names in order, 16 hex characters), for remembering a
 * corrected mapping. `kind` keeps one type's layout from answering for another's; members have none, so the
 * mappings remembered before types existed still apply.
 */
export function headerSignature(columns: Pick<DetectedColumn, 'header'>[], kind?: string): string {
  const names = columns.map((c) => c.header.split('/').map(normalizeHeader).join('/'));
  return createHash('sha256')
    .update(JSON.stringify(kind ? [kind, ...names] : names))
    .digest('hex')
    .slice(0, 16);
}

export interface ColumnGuess<F extends string> {
  col: DetectedColumn;
  guess: FieldGuess<F> | null;
  user: boolean;
}

/** Each column's guess, the clerk's choice (header → field or null) first. */
export function guessColumns<F extends string>(
  columns: DetectedColumn[],
  overrides: Record<string, F | null>,
  guess: (c: DetectedColumn) => FieldGuess<F> | null,
): ColumnGuess<F>[] {
  return columns.map((c) => {
    if (Object.hasOwn(overrides, c.header)) {
      const field = overrides[c.header] ?? null;
      return { col: c, guess: field ? { field, confidence: 1 } : null, user: true };
    }
    return { col: c, guess: guess(c), user: false };
  });
}

export interface AssignedColumn<F extends string> {
  index: number;
  header: string;
  field: F | null;
  confidence: number;
  userChosen?: boolean;
  /** Why a recognisable column was left unmapped (Chinese). */
  note?: string;
}

/**
 * Each field to one column: the clerk's choice first, then the surer guess, the first column on a tie. Fields in
 * `multi` (序号, 附议人 over several columns) keep every column.
 */
export function assignColumns<F extends string>(guesses: ColumnGuess<F>[], multi: ReadonlySet<F>, labels: Record<F, string>): AssignedColumn<F>[] {
  const rank = (i: number) => (guesses[i]!.user ? 10 : 0) + (guesses[i]!.guess?.confidence ?? 0);
  const owner = new Map<F, number>();
  guesses.forEach((g, i) => {
    if (!g.guess || multi.has(g.guess.field)) return;
    const prev = owner.get(g.guess.field);
    if (prev === undefined || rank(i) > rank(prev)) owner.set(g.guess.field, i);
  });
  return guesses.map((g, i) => {
    const base = { index: g.col.index, header: g.col.header, ...(g.user ? { userChosen: true } : {}) };
    if (!g.guess) return { ...base, field: null, confidence: 0 };
    const field = g.guess.field;
    if (!multi.has(field) && owner.get(field) !== i) {
      return { ...base, field: null, confidence: 0, note: `也像「${labels[field]}」，但已由「${guesses[owner.get(field)!]!.col.header}」列导入` };
    }
    return { ...base, field, confidence: g.guess.confidence };
  });
}

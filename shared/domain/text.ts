/**
 * Text clean-up for what clerks type and what spreadsheets contain. Chinese input methods easily produce
 * full-width digits and letters (１２３, ＡＢＣ) and ideographic spaces (U+3000); text pasted from web pages and
 * WeChat carries NBSP and invisible zero-width characters. All of these must compare equal to plain ASCII.
 */

/**
 * Zero-width characters: ZERO WIDTH SPACE, NON-JOINER, JOINER and the BOM (ZERO WIDTH NO-BREAK SPACE).
 * They are invisible, so a clerk cannot see or delete them; they are removed rather than turned into spaces
 * (a name pasted as "张\u200B三" is 张三, not "张 三").
 */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** JS `\s` already covers U+3000, NBSP (U+00A0), U+2000–U+200A, line/paragraph separators and tabs. */
const WHITESPACE_RUN = /\s+/g;

/** Full-width ASCII (U+FF01–U+FF5E) → ASCII (U+0021–U+007E); ideographic space U+3000 → ' '. */
const WIDE = /[\uFF01-\uFF5E\u3000]/;
const WIDE_ALL = /[\uFF01-\uFF5E\u3000]/g;
const narrow = (ch: string) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

export function toHalfWidth(s: string): string {
  // Most text has nothing to convert: hand back the same string (no copy; 100k imported rows × 20 cells).
  return WIDE.test(s) ? s.replace(WIDE_ALL, narrow) : s;
}

/** Anything normalizeSpaces would change: a zero-width character, whitespace other than one inner space. */
const NEEDS_SPACES = /[\u200B-\u200D\u2060\uFEFF]|[^\S ]| {2}|^ | $/;

/** Trim, drop zero-width characters and collapse every run of whitespace (incl. U+3000, NBSP) to one space. */
export function normalizeSpaces(s: string): string {
  // Most text is already clean (every cell of a 100k-row import passes here): one test, no copies.
  if (!NEEDS_SPACES.test(s)) return s;
  return s.replace(ZERO_WIDTH, '').replace(WHITESPACE_RUN, ' ').trim();
}

/** Remove every whitespace and zero-width character (for ID numbers, phone numbers, codes). */
export function stripAllSpaces(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(WHITESPACE_RUN, '');
}

/**
 * One spreadsheet cell or form value as clean text: half-width, spaces normalised. `null`/`undefined` → ''.
 * Numbers are written without exponent where JavaScript allows it (callers that care about long digit strings,
 * such as ID numbers, must check `isIdDestroyedByExcel` first).
 */
export function cleanText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  return normalizeSpaces(toHalfWidth(String(raw)));
}

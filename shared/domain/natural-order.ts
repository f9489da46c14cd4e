/**
 * Natural order for names a clerk numbers: 第一小组 < 第二小组 < 第十小组 < 第十一小组, 第2小组 < 第10小组,
 * 五届二次 < 五届十次. A plain pinyin sort puts 第一 after 第五 (yi after wu); a plain code-point sort puts 十
 * before 二. Numbers written in Arabic or Chinese numerals (一…九十百千万, 〇/零, 两) compare by value; the rest
 * compares as Chinese text (zh-CN collation, so 第 and 组 agree and 张/李 sort by pinyin).
 */
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
const NUMBER_RUN = /[0-9０-９]+|[〇零一二两三四五六七八九十百千万]+/g;

/** The value of a run of Chinese numerals: 十一 = 11, 二十 = 20, 一百零五 = 105, 二〇二四 = 2024 (digit by digit). */
export function chineseNumeralValue(run: string): number | null {
  if (![...run].some((c) => c in UNIT)) {
    let v = 0;
    for (const c of run) {
      const d = DIGIT[c];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const c of run) {
    if (c in DIGIT) {
      digit = DIGIT[c]!;
      continue;
    }
    const unit = UNIT[c]!;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else section += (digit ?? 1) * unit;
    digit = null;
  }
  return total + section + (digit ?? 0);
}

type Part = { n: number } | { t: string };

function parts(s: string): Part[] {
  const out: Part[] = [];
  let last = 0;
  for (const m of s.matchAll(NUMBER_RUN)) {
    const run = m[0];
    const at = m.index;
    const value = /^[0-9０-９]+$/.test(run) ? Number(run.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))) : chineseNumeralValue(run);
    if (value === null) continue;
    if (at > last) out.push({ t: s.slice(last, at) });
    out.push({ n: value });
    last = at + run.length;
  }
  if (last < s.length) out.push({ t: s.slice(last) });
  return out;
}

const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if ('n' in x && 'n' in y) {
      if (x.n !== y.n) return x.n - y.n;
      continue;
    }
    // A number sorts before text at the same place (第1组 before 第一组长…); text against text by collation.
    if ('n' in x) return -1;
    if ('n' in y) return 1;
    const c = collator.compare(x.t, y.t);
    if (c !== 0) return c;
  }
  return pa.length - pb.length || collator.compare(a, b);
}

/** Sorted copy by a name, naturally. */
export const naturalSortBy = <T>(list: readonly T[], name: (item: T) => string): T[] => [...list].sort((x, y) => naturalCompare(name(x), name(y)));

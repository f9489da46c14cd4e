/**
 * 大写金额 as finance writes it on vouchers: 壹仟贰佰元整, 拾元零伍分, 伍角. Integer fen in, up to 9,999,999,999.99 元.
 * Zeros inside the yuan part collapse to one 零; 整 follows a whole-yuan amount or one ending in 角.
 */
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const SECTIONS = ['', '万', '亿'];

function section(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += DIGITS[d]! + UNITS[i]!;
  }
  return out;
}

export function rmbCapital(fen: number): string {
  if (!Number.isInteger(fen) || fen < 0) throw new RangeError('金额应为非负整数分');
  if (fen === 0) return '零元整';
  const yuanPart = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const f = fen % 10;
  let y = '';
  let rest = yuanPart;
  let s = 0;
  let needZero = false;
  while (rest > 0) {
    const part = rest % 10000;
    if (part) {
      const text = section(part) + SECTIONS[s]!;
      y = text + (needZero ? '零' : '') + y;
      needZero = part < 1000;
    } else if (y) {
      needZero = true;
    }
    rest = Math.floor(rest / 10000);
    s++;
  }
  let out = y ? `${y}元` : '';
  if (jiao === 0 && f === 0) return `${out}整`;
  if (jiao) out += `${DIGITS[jiao]!}角`;
  else if (y) out += '零';
  if (f) out += `${DIGITS[f]!}分`;
  else out += '整';
  return out;
}

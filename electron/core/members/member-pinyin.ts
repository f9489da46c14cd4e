/**
 * Pinyin of a member's name, stored alongside it so "zsf" or "zhangsan" finds 张三丰 and lists sort by 拼音.
 *
 * Names start with the surname, and many surnames read differently from the common character (单 shan, 曾 zeng,
 * 解 xie, 仇 qiu, 朴 piao, 区 ou, 尉迟 yuchi, 万俟 moqi, 长孙 zhangsun …). pinyin-pro's surname mode, applied to
 * the head of the string only, covers almost all of them; the few it gets wrong are fixed from a small table.
 * The given name is read normally (曾 in 何曾 is ceng, not zeng).
 */
import { pinyin } from 'pinyin-pro';
import { toHalfWidth } from '../../../shared/domain/text';

export type NamePinyin = {
  /** 'zhangsanfeng' — all syllables and Latin words run together, lower-case, ü written as v. */
  full: string;
  /** 'zsf' — first letter of every syllable / Latin word. */
  initials: string;
  /** 'zhang san feng'. */
  fullSpaced: string;
};

/** Single-character surnames whose surname reading pinyin-pro 3.29 does not return (checked in the tests). */
const SURNAME_FIXES: Readonly<Record<string, string>> = {
  秘: 'bi',
  种: 'chong',
  重: 'chong',
  祭: 'zhai',
  便: 'pian',
  洗: 'xian',
};

// Built once: the options objects and the dictionaries behind pinyin-pro are shared by every call. 'array'
// gives the same readings as 'all' at a third of the cost (no per-character objects); 'all' stays as the
// fallback for text where the array does not line up one item per character.
const OPTIONS = { toneType: 'none', type: 'all', mode: 'surname', surname: 'head', v: true } as const;
const ARRAY_OPTIONS = { toneType: 'none', type: 'array', mode: 'surname', surname: 'head', v: true } as const;

/** Letters and digits of other scripts (Latin, Cyrillic …) form words; 汉字 never join a word. */
const WORD_CHAR = /^(?!\p{Script=Han})[\p{L}\p{N}]$/u;
/** 'zoë' → 'zoe': searching by plain ASCII must find accented names. */
const HAN = /\p{Script=Han}/u;
const stripMarks = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '');

// pinyin-pro is the costly part of preparing a member (an import of 100k rows spent seconds here), and names
// repeat (张伟, 王芳 …; prepareMember also asks for the pinyin and then the sort key of the same name): answers
// are kept per name. The memo is emptied when it is full, so a long-running process holds at most MEMO_MAX.
const MEMO_MAX = 50_000;
const memo = new Map<string, readonly string[]>();

/** Syllables and Latin words of a name, in order; separators (spaces, ·, -, punctuation) dropped. */
function nameTokens(name: string): readonly string[] {
  let tokens = memo.get(name);
  if (tokens) return tokens;
  tokens = computeTokens(name);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(name, tokens);
  return tokens;
}

function computeTokens(name: string): string[] {
  const text = toHalfWidth(name).normalize('NFC').toLowerCase();
  if (text.trim() === '') return [];
  const tokens: string[] = [];
  let word = '';
  const flushWord = () => {
    if (word) tokens.push(stripMarks(word));
    word = '';
  };
  const other = (ch: string) => {
    if (WORD_CHAR.test(ch)) word += ch;
    else if (HAN.test(ch)) {
      // A 汉字 pinyin-pro has no reading for (rare characters outside its dictionary) stays as itself.
      flushWord();
      tokens.push(ch);
    } else flushWord();
  };
  const reading = (ch: string, py: string, index: number) => {
    flushWord();
    tokens.push(index === 0 ? (SURNAME_FIXES[ch] ?? py) : py);
  };
  const chars = [...text];
  const readings = pinyin(text, ARRAY_OPTIONS);
  if (readings.length === chars.length) {
    // One item per character: a 汉字 with a reading comes back as Latin letters, anything else as itself.
    chars.forEach((ch, index) => {
      const py = readings[index] as string;
      if (py && py !== ch && HAN.test(ch)) reading(ch, py, index);
      else other(ch);
    });
  } else {
    pinyin(text, OPTIONS).forEach((item, index) => {
      if (item.isZh && item.pinyin) reading(item.origin, item.pinyin, index);
      else for (const ch of item.origin) other(ch);
    });
  }
  flushWord();
  return tokens;
}

/** Full pinyin, initials and spaced pinyin of a name; surname readings honoured. */
export function namePinyin(name: string): NamePinyin {
  const tokens = nameTokens(name);
  return {
    full: tokens.join(''),
    initials: tokens.map((t) => [...t][0] ?? '').join(''),
    fullSpaced: tokens.join(' '),
  };
}

/**
 * Sort key: syllables separated by ' ' (which sorts before any letter, so 张三 < 张三丰 and 西安 "xi an" <
 * 先 "xian", as in a dictionary), then U+0001 and the name itself, so names that read alike (张三 / 章三)
 * still get a stable order. Plain binary comparison (JS `<`, SQLite BINARY) gives pinyin order.
 */
export function pinyinSortKey(name: string): string {
  return `${nameTokens(name).join(' ')}\u0001${name}`;
}

/** Places of sortRank: 31^10 ≈ 8.2 × 10^14, below 2^53, so every rank is an exact integer in a double. */
const RANK_PLACES = 10;

/**
 * A number that orders like the sort key as far as it goes: the key's first ten characters in base 31
 * (end 0, control characters such as the U+0001 separator 1, space 2, a–z 4–29; any other character is
 * 3 below 'a' or 30 above 'z', and ends the number there, since it no longer tells characters apart). So
 * rank(a) < rank(b) only when a < b, and equal ranks (张伟 and 章伟, or two 张伟) are told apart by the key
 * itself. The ranges are ASCII, so this holds for JS's UTF-16 order and SQLite's UTF-8 BINARY order alike.
 * The name grams store this instead of the whole key: a posting row is a third of the size.
 */
export function sortRank(sortKey: string): number {
  let rank = 0;
  let ended = false;
  for (let i = 0; i < RANK_PLACES; i++) {
    let digit = 0;
    if (!ended && i < sortKey.length) {
      const c = sortKey.charCodeAt(i);
      if (c === 0x20) digit = 2;
      else if (c >= 0x61 && c <= 0x7a) digit = c - 0x61 + 4;
      else {
        digit = c < 0x20 ? 1 : c < 0x61 ? 3 : 30;
        ended = true;
      }
    } else ended = true;
    rank = rank * 31 + digit;
  }
  return rank;
}

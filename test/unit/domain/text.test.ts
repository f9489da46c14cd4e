import { describe, expect, it } from 'vitest';
import { cleanText, normalizeSpaces, stripAllSpaces, toHalfWidth } from '../../../shared/domain/text';

describe('toHalfWidth', () => {
  it('maps the full-width ASCII block and the ideographic space', () => {
    expect(toHalfWidth('１２３ＡＢＣａｂｃ！～（）－＊')).toBe('123ABCabc!~()-*');
    expect(toHalfWidth('张\u3000三')).toBe('张 三');
  });
  it('leaves Chinese text and punctuation outside the block alone (the full-width comma is inside it)', () => {
    expect(toHalfWidth('张三，你好。《工会》')).toBe('张三,你好。《工会》');
    expect(toHalfWidth('汉族、党员')).toBe('汉族、党员');
  });
});

describe('normalizeSpaces', () => {
  it('trims and collapses every kind of whitespace into one space', () => {
    expect(normalizeSpaces('  张\u3000\u3000三 \t\n丰\u00A0 ')).toBe('张 三 丰');
  });
  it('drops invisible zero-width characters instead of turning them into spaces', () => {
    expect(normalizeSpaces('\uFEFF张\u200B三\u200C\u200D')).toBe('张三');
    expect(normalizeSpaces('a \u200B b')).toBe('a b');
  });
  it('returns an empty string for blank input', () => {
    expect(normalizeSpaces(' \u3000\u200B ')).toBe('');
  });
});

describe('stripAllSpaces', () => {
  it('removes all whitespace and zero-width characters', () => {
    expect(stripAllSpaces(' 1101 0819\u30008503\u00A01200\u200B11 ')).toBe('110108198503120011');
  });
});

describe('cleanText', () => {
  it('combines half-width conversion and space normalisation; null and undefined become empty', () => {
    expect(cleanText('  ＡＢ\u3000Ｃ ')).toBe('AB C');
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
    expect(cleanText(42)).toBe('42');
  });
});

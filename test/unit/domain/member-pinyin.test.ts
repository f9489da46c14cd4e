import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { namePinyin, pinyinSortKey } from '../../../electron/core/members/member-pinyin';

describe('namePinyin', () => {
  it('张三丰 → zhangsanfeng / zsf / zhang san feng', () => {
    expect(namePinyin('张三丰')).toEqual({ full: 'zhangsanfeng', initials: 'zsf', fullSpaced: 'zhang san feng' });
  });

  it.each([
    ['单田芳', 'shantianfang', 'stf'],
    ['曾国藩', 'zengguofan', 'zgf'],
    ['解缙', 'xiejin', 'xj'],
    ['仇英', 'qiuying', 'qy'],
    ['朴槿惠', 'piaojinhui', 'pjh'],
    ['查良镛', 'zhaliangyong', 'zly'],
    ['区寄', 'ouji', 'oj'],
    ['秘书同', 'bishutong', 'bst'],
    ['种师道', 'chongshidao', 'csd'],
    ['尉迟恭', 'yuchigong', 'ycg'],
    ['万俟卨', 'moqixie', 'mqx'],
    ['长孙无忌', 'zhangsunwuji', 'zswj'],
    ['欧阳修', 'ouyangxiu', 'oyx'],
    ['诸葛亮', 'zhugeliang', 'zgl'],
    ['覃小明', 'qinxiaoming', 'qxm'],
    ['翟志刚', 'zhaizhigang', 'zzg'],
  ])('polyphonic surname: %s → %s / %s', (name, full, initials) => {
    const p = namePinyin(name);
    expect(p.full).toBe(full);
    expect(p.initials).toBe(initials);
  });

  it('reads surname characters normally inside the given name', () => {
    expect(namePinyin('何曾').full).toBe('heceng');
    expect(namePinyin('李单').full).toBe('lidan');
  });

  it('writes ü as v, as people type it', () => {
    expect(namePinyin('吕女士')).toEqual({ full: 'lvnvshi', initials: 'lns', fullSpaced: 'lv nv shi' });
  });

  it('keeps Latin words lower-cased, drops separators, strips accents', () => {
    expect(namePinyin('Anna李')).toEqual({ full: 'annali', initials: 'al', fullSpaced: 'anna li' });
    expect(namePinyin('李 Anna')).toEqual({ full: 'lianna', initials: 'la', fullSpaced: 'li anna' });
    expect(namePinyin('阿依古丽·买买提').initials).toBe('ayglmmt');
    expect(namePinyin('ＺＨＡＮＧ三')).toEqual({ full: 'zhangsan', initials: 'zs', fullSpaced: 'zhang san' });
    expect(namePinyin('Zoë王').full).toBe('zoewang');
  });

  it('reads traditional characters and keeps a character it has no reading for', () => {
    expect(namePinyin('張三豐').full).toBe('zhangsanfeng');
    const rare = namePinyin('\u{20BB7}野'); // 𠮷 (CJK Extension B)
    expect(rare.fullSpaced).toBe('\u{20BB7} ye');
  });

  it('returns empty strings for an empty or blank name', () => {
    expect(namePinyin('')).toEqual({ full: '', initials: '', fullSpaced: '' });
    expect(namePinyin(' \u3000 ')).toEqual({ full: '', initials: '', fullSpaced: '' });
  });

  it("reads 20 000 random names exactly as pinyin-pro's per-character objects do (the fast array path agrees)", () => {
    // The reference: pinyin-pro's 'all' items, as the readings were taken before the faster 'array' call.
    const reference = (name: string): string => {
      const tokens: string[] = [];
      let word = '';
      const flush = () => {
        if (word) tokens.push(word.normalize('NFD').replace(/\p{M}/gu, ''));
        word = '';
      };
      const text = name.normalize('NFC').toLowerCase();
      pinyin(text, { toneType: 'none', type: 'all', mode: 'surname', surname: 'head', v: true }).forEach((item, i) => {
        if (item.isZh && item.pinyin) {
          flush();
          tokens.push(i === 0 ? ({ 秘: 'bi', 种: 'chong', 重: 'chong', 祭: 'zhai', 便: 'pian', 洗: 'xian' }[item.origin] ?? item.pinyin) : item.pinyin);
        } else
          for (const ch of item.origin) {
            if (/^(?!\p{Script=Han})[\p{L}\p{N}]$/u.test(ch)) word += ch;
            else if (/\p{Script=Han}/u.test(ch)) {
              flush();
              tokens.push(ch);
            } else flush();
          }
      });
      flush();
      return tokens.join(' ');
    };
    let seed = 20261121;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    // Mostly common characters (where the word dictionary matters), some from the whole CJK block, Latin,
    // digits, separators and one supplementary-plane character.
    const pools = ['张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾单解仇朴区查长重乐行', 'abcxyzë', '0123456789', ' ·-'];
    const pick = (): string => {
      const r = next();
      if (r < 0.6) return pools[0]![Math.floor(next() * pools[0]!.length)]!;
      if (r < 0.9) return String.fromCodePoint(0x4e00 + Math.floor(next() * (0x9fff - 0x4e00)));
      if (r < 0.95) return pools[1]![Math.floor(next() * pools[1]!.length)]!;
      if (r < 0.97) return pools[2]![Math.floor(next() * pools[2]!.length)]!;
      if (r < 0.995) return pools[3]![Math.floor(next() * pools[3]!.length)]!;
      return '𠀋';
    };
    const names = Array.from({ length: 20_000 }, () => Array.from({ length: 2 + Math.floor(next() * 3) }, pick).join(''));
    const differing = names.filter((n) => namePinyin(n).fullSpaced !== reference(n));
    expect(differing).toEqual([]);
    expect(new Set(names).size).toBeGreaterThan(18_000);
  });
});

describe('pinyinSortKey', () => {
  const sortByKey = (names: string[]) =>
    [...names].sort((a, b) => {
      const ka = pinyinSortKey(a);
      const kb = pinyinSortKey(b);
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });

  it('sorts by pinyin, shorter name first, syllable by syllable', () => {
    expect(sortByKey(['张三丰', '李四', '张三', '王五', '安娜'])).toEqual(['安娜', '李四', '王五', '张三', '张三丰']);
    // 西安 (xi an) before 先 (xian): syllables compare one by one, as in a dictionary.
    expect(sortByKey(['先进', '西安'])).toEqual(['西安', '先进']);
  });

  it('uses surname readings: 单 (shan) sorts among the s, 曾 (zeng) among the z', () => {
    expect(sortByKey(['单田芳', '唐明', '孙莉'])).toEqual(['单田芳', '孙莉', '唐明']);
    expect(sortByKey(['曾国藩', '曹操', '赵云'])).toEqual(['曹操', '曾国藩', '赵云']);
  });

  it('breaks ties between names that read alike by the name itself', () => {
    const a = pinyinSortKey('张三');
    const b = pinyinSortKey('章三');
    expect(a).not.toBe(b);
    expect(a.startsWith('zhang san\u0001')).toBe(true);
    expect(sortByKey(['章三', '张三', '张三丰'])).toEqual(['张三', '章三', '张三丰']);
  });
});

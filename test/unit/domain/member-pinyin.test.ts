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

  it('stays fast: 20 000 names well under a millisecond each (dictionaries are not rebuilt per call)', () => {
    const chars = '张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
    const names = Array.from({ length: 20_000 }, (_, i) =>
      Array.from({ length: 2 + (i % 2) }, (_, j) => chars[(i * 7 + j * 13 + (i >> 3)) % chars.length]).join(''),
    );
    namePinyin('预热');
    const started = performance.now();
    let total = 0;
    for (const n of names) total += namePinyin(n).initials.length;
    const perCall = (performance.now() - started) / names.length;
    expect(total).toBe(names.reduce((s, n) => s + n.length, 0));
    expect(perCall).toBeLessThan(0.5);
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

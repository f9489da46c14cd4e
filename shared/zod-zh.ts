import { z } from 'zod';

/**
 * Zod's messages for the checks that have no hand-written one, in the Chinese a clerk reads. Zod's own zh-CN
 * locale keeps the type names in English (「期望 string，实际接收 object」), so every issue kind gets a
 * plain sentence here; the type and format names are the only vocabulary.
 */
const TYPE: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  nan: '非数字',
  boolean: '是/否',
  object: '一组字段',
  array: '列表',
  date: '日期',
  null: '空值',
  undefined: '空',
  symbol: '符号',
  function: '函数',
  file: '文件',
  map: '映射',
  set: '集合',
};
const FORMAT: Record<string, string> = {
  regex: '规定格式',
  email: '电子邮箱',
  url: '网址',
  uuid: '编号',
  datetime: '日期时间（如 2024-05-01T08:30:00）',
  date: '日期（如 2024-05-01）',
  time: '时间（如 08:30）',
  duration: '时长',
  ipv4: 'IPv4 地址',
  ipv6: 'IPv6 地址',
  base64: 'base64 编码',
  base64url: 'base64url 编码',
  json_string: 'JSON 文本',
  e164: '电话号码',
};
const typeName = (t: string): string => TYPE[t] ?? '其他类型';

const shown = (v: unknown): string => (typeof v === 'string' ? `「${v}」` : String(v));

const parsedType = (input: unknown): string => {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  if (input instanceof Date) return 'date';
  return typeof input;
};

type Issue = Parameters<z.core.$ZodErrorMap>[0];

export function zhMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = parsedType(issue.input);
      if (received === 'undefined') return '必填';
      const expected = /^[A-Z]/.test(issue.expected) ? '规定的类型' : typeName(issue.expected);
      return `应为${expected}，实际为${typeName(received)}`;
    }
    case 'invalid_value':
      if (issue.values.length === 1) return `应为 ${shown(issue.values[0])}`;
      return `应为以下之一：${issue.values.map(shown).join('、')}`;
    case 'too_big': {
      const n = issue.maximum.toString();
      if (issue.origin === 'string') return `不能超过 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `不能超过 ${n} 项`;
      if (issue.origin === 'file') return `文件不能大于 ${n} 字节`;
      return issue.inclusive ? `不能大于 ${n}` : `应小于 ${n}`;
    }
    case 'too_small': {
      const n = issue.minimum.toString();
      if (issue.origin === 'string') return Number(n) <= 1 ? '不能为空' : `至少 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return Number(n) <= 1 ? '至少要有一项' : `至少 ${n} 项`;
      return issue.inclusive ? `不能小于 ${n}` : `应大于 ${n}`;
    }
    case 'invalid_format': {
      if (issue.format === 'starts_with') return `应以「${(issue as { prefix?: string }).prefix ?? ''}」开头`;
      if (issue.format === 'ends_with') return `应以「${(issue as { suffix?: string }).suffix ?? ''}」结尾`;
      if (issue.format === 'includes') return `应包含「${(issue as { includes?: string }).includes ?? ''}」`;
      const f = FORMAT[issue.format];
      return f ? `格式不正确，应为${f}` : '格式不正确';
    }
    case 'not_multiple_of':
      return `应为 ${issue.divisor.toString()} 的整数倍`;
    case 'unrecognized_keys':
      return `含有不认识的字段：${issue.keys.map((k) => `「${k}」`).join('、')}`;
    case 'invalid_key':
      return '字段名不正确';
    case 'invalid_element':
      return '含有不正确的值';
    default:
      return '内容不正确';
  }
}

z.config({ localeError: zhMessage });
export {};

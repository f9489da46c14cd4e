import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api';
import { reportError } from '../error-store';

interface Option {
  value: number;
  label: string;
}

interface Props {
  value?: number | null;
  onChange?: (id: number | null) => void;
  /** The label of the current value, which the search results may not contain. */
  initial?: Option | null;
  placeholder?: string;
  id?: string;
}

const SEARCH_DELAY_MS = 200;

/** Picks one member by the same search as the list (name, pinyin initials, numbers). */
export function MemberPicker({ value, onChange, initial, placeholder = '输入姓名或拼音首字母查找', id }: Props) {
  const [options, setOptions] = useState<Option[]>(initial ? [initial] : []);
  const [search, setSearch] = useState('');
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);

  useEffect(() => {
    const q = search.trim();
    if (!q) return;
    const timer = setTimeout(() => {
      const mine = ++seq.current;
      setLoading(true);
      api
        .call('members.list', { search: q.slice(0, 50), limit: 20 })
        .then((r) => {
          if (mine !== seq.current) return;
          setOptions(
            r.rows.map((m) => ({
              value: m.id,
              label: [m.name, m.group, m.memberNo && `会员证号 ${m.memberNo}`].filter(Boolean).join('　'),
            })),
          );
        })
        .catch(reportError)
        .finally(() => mine === seq.current && setLoading(false));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <Select<number | null>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={loading}
      allowClear
      placeholder={placeholder}
      notFoundContent={search.trim() ? (loading ? '正在查找…' : '没有找到') : '输入姓名、拼音首字母或会员证号'}
      style={{ width: '100%' }}
    />
  );
}

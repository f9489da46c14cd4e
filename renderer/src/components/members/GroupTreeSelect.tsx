import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import type { GroupTreeNode } from './use-group-tree';

interface Props {
  tree: GroupTreeNode[];
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  allowClear?: boolean;
  'aria-label'?: string;
}

/** 分工会 → 工会小组 picker; both levels can be chosen (a small 分工会 may have no groups). */
export function GroupTreeSelect({ tree, value, onChange, placeholder = '选择工会小组', style, id, allowClear = true, ...rest }: Props) {
  return (
    <TreeSelect<number | null>
      id={id}
      aria-label={rest['aria-label']}
      style={style}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      treeData={tree}
      fieldNames={{ label: 'title', value: 'value', children: 'children' }}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      notFoundContent="还没有工会小组，请先在「组织结构」中建立"
    />
  );
}

import { SearchOutlined } from '@ant-design/icons';
import { Input, Typography, type InputRef } from 'antd';
import type { Ref } from 'react';
import { keyLabel } from '../../hooks/use-shortcut';

export interface ListSearchProps {
  label: string;
  placeholder: string;
  width: number;
  value: string;
  onChange: (text: string) => void;
  testId?: string;
  /** The page focuses it with Ctrl+F: the field then shows the shortcut. */
  inputRef?: Ref<InputRef>;
}

/** The search field of a list page: up to 50 characters, clearable, with its Ctrl+F hint when it has one. */
export function ListSearch({ label, placeholder, width, value, onChange, testId, inputRef }: ListSearchProps) {
  return (
    <Input
      {...(inputRef ? { ref: inputRef } : {})}
      aria-label={label}
      {...(testId ? { 'data-testid': testId } : {})}
      allowClear
      prefix={<SearchOutlined style={{ color: '#999' }} />}
      placeholder={placeholder}
      {...(inputRef
        ? {
            suffix: (
              <Typography.Text type="secondary" keyboard style={{ fontSize: 12 }}>
                {keyLabel('ctrl+f')}
              </Typography.Text>
            ),
          }
        : {})}
      style={{ width }}
      value={value}
      maxLength={50}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

import { AutoComplete } from 'antd';
import { useState } from 'react';
import type { Representative } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';

interface Props {
  rep: Representative;
  options: string[];
  onSaved: () => void;
  onError: (message: string) => void;
}

/** A representative's 代表团, edited in place: saved when the field loses focus or a suggestion is picked. */
export function DelegationEdit({ rep, options, onSaved, onError }: Props) {
  const [value, setValue] = useState(rep.delegation);
  const save = async (next: string) => {
    const v = next.trim();
    if (!v || v === rep.delegation) return setValue(rep.delegation);
    try {
      await api.call('representatives.update', { id: rep.id, delegation: v });
      onSaved();
    } catch (e) {
      onError(errorMessage(e));
      setValue(rep.delegation);
    }
  };
  return (
    <AutoComplete
      size="small"
      variant="borderless"
      aria-label={`${rep.name}的代表团`}
      value={value}
      onChange={setValue}
      onSelect={(v: string) => void save(v)}
      onBlur={() => void save(value)}
      options={options.map((o) => ({ value: o }))}
      style={{ width: '100%' }}
      maxLength={40}
    />
  );
}

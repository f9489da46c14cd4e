import { Col, Form, Input, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ageOn } from '../../../../shared/domain/dates';
import { ID_TYPE_LABELS, ID_TYPES } from '../../../../shared/domain/member-labels';
import type { IdCheckState } from './use-id-check';

interface Props {
  state: IdCheckState;
  /** The number now in the field; a result for an older value is not shown as if it were current. */
  current: string;
  onOpenMember: (id: number) => void;
}

type Status = '' | 'success' | 'warning' | 'error' | 'validating';

function feedback(state: IdCheckState, current: string, onOpenMember: (id: number) => void): { status: Status; help?: ReactNode } {
  if (!current.trim()) return { status: '' };
  if (state.kind === 'failed') return { status: 'error', help: state.message };
  if (state.kind !== 'checked' || state.forNumber !== current.trim()) return { status: 'validating', help: '正在校验…' };
  const r = state.result;
  if (!r.ok) return { status: 'error', help: r.reason ?? '号码不正确' };
  if (r.duplicateOf) {
    const d = r.duplicateOf;
    return {
      status: 'error',
      help: (
        <span data-testid="id-duplicate">
          与已有会员 {d.name}
          {d.memberNo ? `（会员证号 ${d.memberNo}）` : ''}重复{' '}
          <Typography.Link onClick={() => onOpenMember(d.id)}>打开该会员</Typography.Link>
        </span>
      ),
    };
  }
  if (r.birthDate && r.gender) {
    return {
      status: 'success',
      help: <span data-testid="id-derived">{`出生日期 ${r.birthDate} · ${r.gender} · ${ageOn(r.birthDate, new Date())} 岁`}</span>,
    };
  }
  return { status: 'success', help: `号码格式正确：${r.normalized}` };
}

/** 证件类型 + 证件号码 with the live check shown under the number. */
export function IdNumberField({ state, current, onOpenMember }: Props) {
  const { status, help } = feedback(state, current, onOpenMember);
  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item name="idType" label="证件类型">
          <Select options={ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))} />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        <Form.Item
          name="idNumber"
          label="证件号码"
          validateStatus={status || undefined}
          help={help}
          hasFeedback={status === 'success' || status === 'error'}
          extra={current.trim() ? undefined : '没有证件号也可以保存，名册中会标记「无证件号」'}
        >
          <Input maxLength={40} placeholder="18 位身份证号，末位可以是 X" style={{ fontVariantNumeric: 'tabular-nums' }} autoComplete="off" />
        </Form.Item>
      </Col>
    </>
  );
}

import { Checkbox, Col, DatePicker, Form, Input, Row } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ApprovalInput, CareVisitRow } from '../../../../shared/contract';
import { APPROVAL_STEP_LABELS, APPROVAL_STEPS } from '../../../../shared/domain/care-labels';

export interface SettlementValues {
  approval?: Partial<Record<(typeof APPROVAL_STEPS)[number], { on?: Dayjs | null; by?: string }>>;
  payeeSigned?: boolean;
  voucherNo?: string;
}

/** 工会小组 → 分工会 → 工会 (date and name each), 领款人签字 and 入账凭证号, as on the paper 慰问审批表. */
export function SettlementFields() {
  return (
    <>
      {APPROVAL_STEPS.map((k) => (
        <Row gutter={12} key={k}>
          <Col span={12}>
            <Form.Item name={['approval', k, 'on']} label={`${APPROVAL_STEP_LABELS[k]}审批日期`}>
              <DatePicker aria-label={`${APPROVAL_STEP_LABELS[k]}审批日期`} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['approval', k, 'by']} label={`${APPROVAL_STEP_LABELS[k]}审批人`}>
              <Input aria-label={`${APPROVAL_STEP_LABELS[k]}审批人`} maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
      ))}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="payeeSigned" valuePropName="checked" label="领款人签字">
            <Checkbox aria-label="领款人已签字">已签</Checkbox>
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="voucherNo" label="入账凭证号">
            <Input aria-label="入账凭证号" maxLength={40} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

export function settlementInput(v: SettlementValues): { approval: ApprovalInput; payeeSigned: boolean; voucherNo: string | null } {
  const approval: ApprovalInput = {};
  for (const k of APPROVAL_STEPS) approval[k] = { on: v.approval?.[k]?.on ? v.approval[k].on.format('YYYY-MM-DD') : null, by: v.approval?.[k]?.by?.trim() || null };
  return { approval, payeeSigned: !!v.payeeSigned, voucherNo: v.voucherNo?.trim() || null };
}

export function settlementValues(r: CareVisitRow): SettlementValues {
  const approval: NonNullable<SettlementValues['approval']> = {};
  for (const k of APPROVAL_STEPS) approval[k] = { on: r.approval[k].on ? dayjs(r.approval[k].on) : null, by: r.approval[k].by ?? '' };
  return { approval, payeeSigned: r.payeeSigned, voucherNo: r.voucherNo ?? '' };
}

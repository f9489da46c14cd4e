import { Alert, App, Form, Modal } from 'antd';
import { useState } from 'react';
import type { CareVisitRow } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { SettlementFields, settlementInput, settlementValues, type SettlementValues } from './SettlementFields';

/** 审批与入账 of a registered visit, filled as the signed 慰问审批表 and the voucher come back. Keyed by the visit. */
export function ApproveModal({ visit, onClose, onSaved }: { visit: CareVisitRow | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<SettlementValues>();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    if (!visit) return;
    try {
      await api.call('care.approve', { id: visit.id, ...settlementInput(form.getFieldsValue()) });
      message.success('已保存审批与入账');
      onSaved();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  return (
    <Modal open={!!visit} title={`审批与入账：${visit?.memberName ?? ''} ${visit?.occasionLabel ?? ''}`} okText="保存" cancelText="取消" onOk={() => void save()} onCancel={onClose} width={600} forceRender>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="approve-problem" />}
      <Form form={form} layout="vertical" initialValues={visit ? settlementValues(visit) : {}}>
        <SettlementFields />
      </Form>
    </Modal>
  );
}

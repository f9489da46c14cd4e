import { Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import type { PiiExportAsk } from '../../../../shared/contract/define';
import { PII_EXPORT_REASONS } from '../../../../shared/domain/pii';
import { api } from '../../api';

export type PiiAsk = PiiExportAsk;

interface Pending {
  what: string;
  loginOn: boolean;
  resolve: (a: PiiAsk | null) => void;
}

/**
 * Before an export with ID numbers (#16; the rule is electron/core/operators/pii.ts): a role without 查看完整号码 gets
 * it masked without a question; a one-person office without login and without 设置 → 个人信息 masking gets it in
 * full, as before, without a question; otherwise a dialog asks 完整号码 or 遮盖号码, and for full numbers why (logged
 * with the file name and row count; required once login is on). `ask` gives null when the clerk cancels.
 */
export function usePiiExport(): { ask: (what: string, defaultFull?: boolean) => Promise<PiiAsk | null>; modal: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const [full, setFull] = useState(true);
  const [reason, setReason] = useState('');
  const done = useRef(false);

  const ask = async (what: string, defaultFull = true): Promise<PiiAsk | null> => {
    const [session, settings] = await Promise.all([api.call('operators.current', {}), api.call('settings.get', {})]);
    if (!session.permissions.includes('reveal')) return { revealIds: false };
    if (!session.loginEnabled && !settings.piiMask && defaultFull) return {};
    setFull(defaultFull && !settings.piiMask);
    setReason('');
    done.current = false;
    return new Promise((resolve) => setPending({ what, loginOn: session.loginEnabled, resolve }));
  };

  const finish = (a: PiiAsk | null) => {
    if (done.current) return;
    done.current = true;
    pending?.resolve(a);
    setPending(null);
  };

  const needReason = !!pending?.loginOn && full;
  const modal = (
    <Modal
      open={pending !== null}
      title="导出原因"
      okText="导出"
      cancelText="取消"
      okButtonProps={{ disabled: needReason && !reason.trim() }}
      onCancel={() => finish(null)}
      onOk={() => finish(full ? { revealIds: true, ...(reason.trim() ? { reason: reason.trim() } : {}) } : { revealIds: false })}
      data-testid="export-reason"
    >
      <Typography.Paragraph>
        导出的{pending?.what}含身份证号等个人信息。导出完整号码请写明用途，原因、文件名和条数会记入修改记录；遮盖号码（110105********002X、138****1234）不需原因。
      </Typography.Paragraph>
      <Radio.Group value={full} onChange={(e) => setFull(e.target.value as boolean)} style={{ marginBottom: 8 }}>
        <Radio value={true}>完整号码</Radio>
        <Radio value={false}>遮盖号码</Radio>
      </Radio.Group>
      <Input value={reason} maxLength={100} disabled={!full} placeholder="如：报送上级工会" onChange={(e) => setReason(e.target.value)} autoFocus aria-label="导出原因" />
      <Space wrap style={{ marginTop: 8 }}>
        {PII_EXPORT_REASONS.map((r) => (
          <Tag key={r} style={{ cursor: 'pointer' }} onClick={() => { setFull(true); setReason(r); }}>
            {r}
          </Tag>
        ))}
      </Space>
    </Modal>
  );
  return { ask, modal };
}

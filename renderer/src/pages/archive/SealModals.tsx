import { Alert, Input, List, Modal, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { ArchiveCheck, VerifyResult } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { useChannel } from '../../api/use-channel';

interface SealProps {
  year: number;
  open: boolean;
  sealed: boolean;
  onClose: () => void;
  onDone: () => void;
}

/** 封存 (checks first; with problems only with a reason) or 解除封存 (a reason always). */
export function SealModal({ year, open, sealed, onClose, onDone }: SealProps) {
  const [opened, setOpened] = useState(0);
  const found = useChannel('archive.checks', open && !sealed ? { year } : null, { key: opened });
  const checks: ArchiveCheck[] | null = found.data ?? null;
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const reset = (o: boolean) => {
    if (o) return;
    setReason('');
    setProblem(null);
    setOpened((n) => n + 1);
  };
  const needsReason = sealed || (checks?.length ?? 0) > 0;
  const ok = async () => {
    setSaving(true);
    setProblem(null);
    try {
      if (sealed) await api.call('archive.unseal', { year, reason });
      else await api.call('archive.seal', { year, ...(reason.trim() ? { reason } : {}) });
      onDone();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title={sealed ? `解除 ${year} 年度的封存` : `封存 ${year} 年度`}
      open={open}
      onCancel={onClose}
      onOk={() => void ok()}
      okText={sealed ? '解除封存' : checks?.length ? '仍然封存' : '封存'}
      okButtonProps={{ danger: true, disabled: (needsReason && !reason.trim()) || (!sealed && !checks), 'data-testid': 'archive-seal-ok' } as never}
      confirmLoading={saving}
      afterOpenChange={reset}
      destroyOnHidden
      width={620}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12, whiteSpace: 'pre-line' }} />}
      {sealed ? (
        <Typography.Paragraph>解除封存后这一年的记录可以再修改；原因记入操作日志。再次封存时写新的清单版本，旧版本保留。</Typography.Paragraph>
      ) : !checks ? (
        <Spin />
      ) : checks.length ? (
        <>
          <Typography.Paragraph>封存前检查发现以下问题。可以先处理，或写明原因后仍然封存：</Typography.Paragraph>
          <List size="small" bordered dataSource={checks} renderItem={(c) => <List.Item>{c.message}</List.Item>} style={{ maxHeight: 240, overflow: 'auto', marginBottom: 12 }} />
        </>
      ) : (
        <Typography.Paragraph>检查通过。封存前先备份；封存后这一年的归档文件和来源记录只读，并保存每件文件的校验值（SHA-256）。</Typography.Paragraph>
      )}
      {needsReason && <Input.TextArea aria-label="原因" placeholder={sealed ? '解除封存的原因（必填）' : '仍然封存的原因（必填）'} value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 2 }} />}
    </Modal>
  );
}

/** 核对: every 件 recomputed against the newest manifest; each difference by item. */
export function VerifyModal({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const [opened, setOpened] = useState(0);
  const answer = useChannel('archive.verify', open ? { year } : null, { key: opened });
  const r: VerifyResult | null = answer.loaded && open ? (answer.data ?? null) : null;
  const problem = open ? answer.problem : null;
  return (
    <Modal title={`核对 ${year} 年度封存清单`} open={open} onCancel={onClose} afterOpenChange={(o) => !o && setOpened((n) => n + 1)} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText="关闭" width={680}>
      {problem && <Alert type="error" showIcon title={problem} />}
      {!r && !problem && <Spin />}
      {r?.ok && <Alert type="success" showIcon data-testid="archive-verify-ok" title={`与封存清单（第 ${r.version} 版）一致。`} description={<span style={{ fontFamily: 'monospace', fontSize: 12 }}>{r.yearSha256}</span>} />}
      {r && !r.ok && (
        <List
          size="small"
          bordered
          header={<Typography.Text type="danger">有 {r.differences.length} 处与封存清单不一致：</Typography.Text>}
          dataSource={r.differences}
          renderItem={(d) => (
            <List.Item>
              {d.archiveCode ?? ''} {d.title} — {d.message}
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}

export interface PackageCheck {
  fileName: string;
  ok: boolean;
  year: number | null;
  differences: string[];
}

/** The answer for a package the clerk was given: one line when it matches, else each difference by entry. */
export function PackageCheckModal({ check, onClose }: { check: PackageCheck | null; onClose: () => void }) {
  return (
    <Modal title={`核对归档包：${check?.fileName ?? ''}`} open={!!check} onCancel={onClose} onOk={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText="关闭" width={680}>
      {check?.ok && <Alert type="success" showIcon data-testid="archive-package-ok" title={`归档包（${check.year ?? '?'} 年度）与其清单一致。`} />}
      {check && !check.ok && (
        <List
          size="small"
          bordered
          data-testid="archive-package-differences"
          header={<Typography.Text type="danger">有 {check.differences.length} 处与归档包清单不一致：</Typography.Text>}
          dataSource={check.differences}
          renderItem={(d) => <List.Item>{d}</List.Item>}
          style={{ maxHeight: 360, overflow: 'auto' }}
        />
      )}
    </Modal>
  );
}

import { Alert, Modal, Typography } from 'antd';

/**
 * The recovery code, shown once when the first 管理员 password turns login on (#16). Only its hash is kept, so
 * this is the clerk's only chance to write it down.
 */
export function RecoveryCodeModal({ code, onClose }: { code: string | null; onClose: () => void }) {
  return (
    <Modal
      open={!!code}
      title="请抄下恢复码"
      okText="我已抄下"
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={false}
      mask={{ closable: false }}
      onOk={onClose}
      data-testid="recovery-code-modal"
    >
      <Typography.Paragraph>管理员忘记密码时，凭这个恢复码和数据文件夹可以重设密码。恢复码只显示这一次，请抄在纸上，与电脑分开保管。</Typography.Paragraph>
      <Typography.Title level={3} copyable style={{ fontFamily: 'monospace', textAlign: 'center' }} data-testid="recovery-code">
        {code}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        title="重设方法"
        description={<>在这台电脑上运行：ledger operators recover --code 恢复码 --password 新密码</>}
      />
    </Modal>
  );
}

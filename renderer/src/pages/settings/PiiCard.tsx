import { App, Alert, Button, Card, Descriptions, Input, InputNumber, Modal, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PiiMember } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { useChannel } from '../../api/use-channel';
import { saveFile } from '../../api/platform';
import { MemberPicker } from '../../components/members/MemberPicker';

/**
 * 设置 → 个人信息 (#16, 个人信息保护法): what the office holds, a member's own file on request (查阅复制), and
 * anonymising a member who left once the retention in 设置 has passed. The rules live in electron/core/pii/.
 */
export function PiiCard() {
  const { message } = App.useApp();
  const summary = useChannel('pii.summary', {});
  const settings = useChannel('settings.get', {});
  const session = useChannel('operators.current', {});
  const perms = session.data?.permissions ?? [];
  const isAdmin = perms.includes('admin');
  const [memberId, setMemberId] = useState<number | null>(null);
  const held = useChannel('pii.member', memberId ? { memberId } : null);
  const [reason, setReason] = useState('本人查阅复制');
  const [anon, setAnon] = useState<PiiMember | null>(null);
  const [confirmName, setConfirmName] = useState('');
  const [busy, setBusy] = useState(false);

  const saveSetting = async (patch: { piiMask?: boolean; piiRetentionYears?: number }) => {
    try {
      await api.call('settings.update', patch);
      await Promise.all([settings.reload(), summary.reload()]);
      message.success('已保存');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const exportFile = async () => {
    if (!memberId) return;
    setBusy(true);
    try {
      const ref = await api.call('pii.memberFile', { memberId, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      if (await saveFile(ref)) message.success(`已导出 ${ref.fileName}（${ref.rows} 行）`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const openAnon = async (id: number) => {
    try {
      setAnon(await api.call('pii.member', { memberId: id }));
      setConfirmName('');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const anonymise = async () => {
    if (!anon) return;
    try {
      const r = await api.call('pii.anonymise', { memberId: anon.memberId, confirmName });
      message.success(`已匿名化：${r.replaced.join('、')}${r.skippedSealed ? `（${r.skippedSealed} 条已封存的记录未改）` : ''}`);
      setAnon(null);
      await Promise.all([summary.reload(), held.reload()]);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card title="个人信息" data-testid="pii-card">
      <Typography.Paragraph type="secondary">
        本单位保存的个人信息（个人信息保护法）：查阅角色在列表、导出和打印中只看到遮盖的号码；导出完整号码要写明原因并记入修改记录。
      </Typography.Paragraph>
      {summary.problem && <Alert type="error" showIcon message={summary.problem} />}
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={summary.data?.rows ?? []}
        columns={[
          { title: '个人信息', dataIndex: 'label' },
          { title: '条数', dataIndex: 'count', align: 'right', width: 100 },
        ]}
        data-testid="pii-held"
      />
      {isAdmin && settings.data && (
        <Space direction="vertical" style={{ marginTop: 16 }}>
          <Space>
            <Switch checked={settings.data.piiMask} onChange={(on) => void saveSetting({ piiMask: on })} aria-label="导出和打印遮盖号码" />
            <span>导出和打印对所有角色遮盖身份证号、电话、银行卡号（需要时在导出时选「完整号码」并写明原因）</span>
          </Space>
          <Space>
            <span>会员离会后个人信息保留</span>
            <InputNumber
              aria-label="保留年限"
              min={0}
              max={30}
              defaultValue={settings.data.piiRetentionYears}
              onBlur={(e) => {
                const v = Number(e.target.value);
                if (Number.isInteger(v) && v !== settings.data?.piiRetentionYears) void saveSetting({ piiRetentionYears: v });
              }}
              addonAfter="年"
              style={{ width: 120 }}
            />
            <span>，期满后可以匿名化</span>
          </Space>
        </Space>
      )}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        查阅复制：导出一位会员的全部个人信息
      </Typography.Title>
      <Space wrap>
        <div style={{ width: 260 }}>
          <MemberPicker value={memberId} onChange={setMemberId} placeholder="输入姓名查找会员" />
        </div>
        {perms.includes('reveal') && (
          <>
            <Input aria-label="导出原因" value={reason} maxLength={100} onChange={(e) => setReason(e.target.value)} style={{ width: 200 }} />
            <Button disabled={!memberId} loading={busy} onClick={() => void exportFile()} data-testid="pii-member-file">
              导出本人信息（Excel）
            </Button>
          </>
        )}
      </Space>
      {held.data && (
        <Descriptions size="small" column={2} style={{ marginTop: 12 }} bordered data-testid="pii-member-held">
          <Descriptions.Item label="会员">{`${held.data.name}（${held.data.statusLabel}${held.data.leftOn ? `，${held.data.leftOn} 离会` : ''}）`}</Descriptions.Item>
          {held.data.held.map((h) => (
            <Descriptions.Item key={h.key} label={h.label}>
              {h.key === 'fields' ? '有' : `${h.count} 条`}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        匿名化离会会员
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        已转出、退会、开除或去世且超过保留年限（{summary.data?.retentionYears ?? '—'} 年）的会员：姓名、证件号码、电话、住址、银行账户等在现有记录中换成「已匿名」，统计数字不变；已封存年度的归档和修改记录保持原样。
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="memberId"
        pagination={false}
        locale={{ emptyText: '没有可以匿名化的会员' }}
        dataSource={summary.data?.candidates ?? []}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '会籍状态', dataIndex: 'statusLabel', width: 110 },
          { title: '离会日期', dataIndex: 'leftOn', width: 120 },
          ...(isAdmin
            ? [{ title: '', key: 'op', width: 100, render: (_: unknown, r: { memberId: number }) => <Button size="small" danger onClick={() => void openAnon(r.memberId)}>匿名化</Button> }]
            : []),
        ]}
        data-testid="pii-anonymisable"
      />
      <Modal
        open={anon !== null}
        title={`匿名化「${anon?.name ?? ''}」的个人信息`}
        okText="匿名化"
        okButtonProps={{ danger: true, disabled: !confirmName.trim() || !!anon?.refusal }}
        cancelText="取消"
        onCancel={() => setAnon(null)}
        onOk={() => void anonymise()}
      >
        {anon?.refusal ? (
          <Alert type="warning" showIcon message={anon.refusal} />
        ) : (
          <>
            <Typography.Paragraph>此操作不能撤销。请输入会员姓名「{anon?.name}」确认：</Typography.Paragraph>
            <Input aria-label="确认姓名" value={confirmName} onChange={(e) => setConfirmName(e.target.value)} autoFocus />
          </>
        )}
      </Modal>
    </Card>
  );
}

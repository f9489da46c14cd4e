import { DeleteOutlined, DownloadOutlined, EyeOutlined, PaperClipOutlined, UndoOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, List, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { AttachmentInfo, UploadInfo } from '../../../../shared/contract';
import { errorMessage } from '../../api';
import { formatBytes } from '../../format';
import { canOpenInViewer, chooseAttachment, downloadAttachment, openAttachment } from './attachment-actions';

interface Item {
  key: string;
  label: string;
  kind: string;
  sizeBytes: number;
  stored?: AttachmentInfo;
  pending?: UploadInfo;
}

/** 打开 (desktop viewer) or 下载 (browser), and 另存为 on the desktop. */
function StoredActions({ a }: { a: AttachmentInfo }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (what: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await what();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  if (!a.present) {
    return (
      <Tooltip title="文件不在数据文件夹中，可运行「ledger check」查看，或从备份的数据文件夹找回 files 文件夹">
        <Tag color="red" icon={<WarningOutlined />}>
          文件缺失
        </Tag>
      </Tooltip>
    );
  }
  return canOpenInViewer() ? (
    <Space size={4}>
      <Button
        size="small"
        icon={<EyeOutlined />}
        loading={busy}
        onClick={() =>
          void run(async () => {
            if ((await openAttachment(a)) === 'cancelled') message.warning('系统没有能打开这种文件的程序，可用「另存为」保存后查看。');
          })
        }
      >
        打开
      </Button>
      <Button size="small" icon={<DownloadOutlined />} disabled={busy} onClick={() => void run(() => downloadAttachment(a))}>
        另存为
      </Button>
    </Space>
  ) : (
    <Button size="small" icon={<DownloadOutlined />} loading={busy} onClick={() => void run(() => downloadAttachment(a))} aria-label={`下载 ${a.label}`}>
      下载
    </Button>
  );
}

interface Props {
  stored: AttachmentInfo[];
  /** Edit mode: new files to add and stored ones to remove when the form is saved. */
  editing?: {
    pending: UploadInfo[];
    removed: Set<number>;
    onAdd: (u: UploadInfo) => void;
    onDropPending: (token: string) => void;
    onToggleRemove: (id: number) => void;
  };
}

/** 附件: each with its size and real type; in the form, 添加附件 and 移除 take effect when the record is saved. */
export function AttachmentList({ stored, editing }: Props) {
  const { message } = App.useApp();
  const [choosing, setChoosing] = useState(false);
  const items: Item[] = [
    ...stored.map((a) => ({ key: `s${a.id}`, label: a.label, kind: a.kind, sizeBytes: a.sizeBytes, stored: a })),
    ...(editing?.pending ?? []).map((p) => ({ key: p.token, label: p.label, kind: p.kind, sizeBytes: p.sizeBytes, pending: p })),
  ];

  const add = async () => {
    setChoosing(true);
    try {
      const u = await chooseAttachment();
      if (u) editing?.onAdd(u);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setChoosing(false);
    }
  };

  return (
    <div data-testid="attachment-list">
      <List<Item>
        size="small"
        bordered
        dataSource={items}
        locale={{ emptyText: '没有附件' }}
        renderItem={(it) => {
          const removed = !!(it.stored && editing?.removed.has(it.stored.id));
          const actions = [];
          if (it.stored && !editing) actions.push(<StoredActions key="open" a={it.stored} />);
          if (it.stored && editing) {
            actions.push(
              <Button key="rm" size="small" icon={removed ? <UndoOutlined /> : <DeleteOutlined />} onClick={() => editing.onToggleRemove(it.stored!.id)}>
                {removed ? '撤销移除' : '移除'}
              </Button>,
            );
          }
          if (it.pending && editing) {
            actions.push(
              <Button key="drop" size="small" icon={<DeleteOutlined />} onClick={() => editing.onDropPending(it.pending!.token)}>
                不添加
              </Button>,
            );
          }
          return (
            <List.Item actions={actions} data-testid="attachment-item">
              <Space size={8} style={{ minWidth: 0 }}>
                <PaperClipOutlined />
                <Typography.Text delete={removed} ellipsis style={{ maxWidth: 360 }} data-testid="attachment-label">
                  {it.label}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                  {it.kind} · {formatBytes(it.sizeBytes)}
                </Typography.Text>
                {it.pending && <Tag color="blue">保存后添加</Tag>}
                {removed && <Tag color="orange">保存后移除</Tag>}
              </Space>
            </List.Item>
          );
        }}
      />
      {editing && (
        <Space style={{ marginTop: 8 }}>
          <Button icon={<PaperClipOutlined />} loading={choosing} onClick={() => void add()} data-testid="add-attachment">
            添加附件
          </Button>
          <Typography.Text type="secondary">扫描件、照片、PDF、Word 等；不接受程序和脚本文件。</Typography.Text>
        </Space>
      )}
    </div>
  );
}

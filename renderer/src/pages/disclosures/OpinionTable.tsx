import { DownOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Dropdown, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { OpinionRow } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { askReason } from './ask-reason';
import { DueDate, OpinionStatusTag } from './labels';
import { OpinionModal } from './OpinionModal';
import { ReplyModal } from './ReplyModal';
import './disclosures.css';

interface Props {
  rows: OpinionRow[];
  loading?: boolean;
  /** The 相关公开事项 column; off on a disclosure's own page. */
  showDisclosure?: boolean;
  onChanged: () => void;
  emptyText?: string;
}

const who = (o: OpinionRow) => (o.anonymous ? '匿名' : (o.reporter ?? '—'));

function Details({ o }: { o: OpinionRow }) {
  const v = (s: string | null) => s ?? <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={2}
      items={[
        { key: 'content', label: '意见内容', span: 2, children: <div style={{ whiteSpace: 'pre-wrap' }}>{o.content}</div> },
        { key: 'contact', label: '联系方式', children: v(o.contact) },
        { key: 'forwarded', label: '转交', children: o.forwardedTo ? `${o.forwardedTo}（${o.forwardedOn ?? ''}）` : v(null) },
        { key: 'reply', label: '答复内容', span: 2, children: o.reply ? <div style={{ whiteSpace: 'pre-wrap' }}>{o.reply}</div> : v(null) },
        { key: 'replied', label: '答复', children: o.repliedOn ? `${o.repliedOn}　${o.repliedBy ?? ''}${o.daysLate ? `（逾期 ${o.daysLate} 天答复）` : ''}` : v(null) },
        { key: 'remarks', label: '备注', children: v(o.remarks) },
      ]}
    />
  );
}

/** Opinions with their deadline and status; 编辑 / 答复 / 归档 / 删除 on each, details when a row is opened. */
export function OpinionTable({ rows, loading, showDisclosure = true, onChanged, emptyText }: Props) {
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<OpinionRow | null>(null);
  const [replying, setReplying] = useState<OpinionRow | null>(null);
  const [session, setSession] = useState(0);

  const open = (o: OpinionRow, which: 'edit' | 'reply') => {
    // Each opening is a new form, filled from the row as it is now.
    setSession((n) => n + 1);
    if (which === 'edit') setEditing(o);
    else setReplying(o);
  };
  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      message.success(done);
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const remove = async (o: OpinionRow) => {
    const reason = await askReason(modal, '删除这条意见？', `${o.receivedOn} ${o.channel}：${o.content.slice(0, 40)}`);
    if (reason === '') message.info('没有填写原因，未删除。');
    else if (reason) await act(() => api.call('opinions.remove', { id: o.id, reason }), '已删除');
  };

  const columns: TableColumnsType<OpinionRow> = [
    { key: 'receivedOn', title: '收到日期', dataIndex: 'receivedOn', width: 104 },
    { key: 'channel', title: '渠道', dataIndex: 'channel', width: 68 },
    { key: 'reporter', title: '反映人', width: 76, ellipsis: true, render: (_v, o) => who(o) },
    { key: 'content', title: '意见内容', dataIndex: 'content', ellipsis: true, width: 200 },
    ...(showDisclosure
      ? [
          {
            key: 'disclosure',
            title: '相关公开事项',
            width: 150,
            ellipsis: true,
            render: (_v: unknown, o: OpinionRow) =>
              !o.disclosureId ? (
                '—'
              ) : o.disclosureDeleted ? (
                <Typography.Text type="secondary" delete>{`${o.disclosureRegNo ?? ''} ${o.disclosureTitle ?? ''}`}</Typography.Text>
              ) : (
                <Link to={`/disclosure/${o.disclosureId}`}>{`${o.disclosureRegNo ?? ''} ${o.disclosureTitle ?? ''}`}</Link>
              ),
          },
        ]
      : []),
    { key: 'forwardedTo', title: '转交部门', dataIndex: 'forwardedTo', width: 96, ellipsis: true, render: (v: string | null) => v ?? '—' },
    { key: 'dueOn', title: '答复期限', width: 160, render: (_v, o) => <DueDate dueOn={o.dueOn} overdue={o.overdue} daysLate={o.daysLate} /> },
    { key: 'status', title: '状态', width: 76, render: (_v, o) => <OpinionStatusTag status={o.status} /> },
    {
      key: 'actions',
      title: '操作',
      width: 124,
      fixed: 'right',
      render: (_v, o) => (
        <Space size={0} onClick={(e) => e.stopPropagation()}>
          <Button type="link" size="small" disabled={o.status === 'archived'} onClick={() => open(o, 'reply')}>
            {o.reply ? '改答复' : '答复'}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'edit', label: '编辑', disabled: o.status === 'archived' },
                o.status === 'archived'
                  ? { key: 'unarchive', label: '撤销归档' }
                  : { key: 'archive', label: o.reply ? '归档' : '归档（答复后才能归档）', disabled: !o.reply },
                { type: 'divider' },
                { key: 'remove', label: '删除', danger: true },
              ],
              onClick: ({ key, domEvent }) => {
                domEvent.stopPropagation();
                if (key === 'edit') open(o, 'edit');
                if (key === 'archive') void act(() => api.call('opinions.archive', { id: o.id }), '已归档');
                if (key === 'unarchive') void act(() => api.call('opinions.archive', { id: o.id, archived: false }), '已撤销归档');
                if (key === 'remove') void remove(o);
              },
            }}
          >
            <Button type="link" size="small" aria-label="更多操作">
              更多 <DownOutlined />
            </Button>
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<OpinionRow>
        data-testid="opinion-table"
        size="middle"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: showDisclosure ? 1100 : 950 }}
        rowClassName={(o) => (o.overdue ? 'opinion-overdue' : '')}
        expandable={{ expandedRowRender: (o) => <Details o={o} />, expandRowByClick: true }}
        locale={{ emptyText: emptyText ?? '没有意见记录' }}
      />
      <OpinionModal
        key={`edit-${session}`}
        open={!!editing}
        original={editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          onChanged();
        }}
      />
      <ReplyModal
        key={`reply-${session}`}
        opinion={replying}
        onClose={() => setReplying(null)}
        onDone={() => {
          setReplying(null);
          onChanged();
        }}
      />
    </>
  );
}

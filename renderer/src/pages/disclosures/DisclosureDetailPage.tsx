import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, MessageOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { DisclosureDetail } from '../../../../shared/contract';
import { api, errorMessage } from '../../api';
import { useChannel } from '../../api/use-channel';
import { formatDateTime } from '../../format';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { askReason } from './ask-reason';
import { AttachmentList } from './AttachmentList';
import { lastListAddress } from './disclosure-filter';
import { scopeLabel, timingLabel } from './labels';
import { OpinionModal } from './OpinionModal';
import { OpinionTable } from './OpinionTable';

const v = (x: ReactNode): ReactNode => (x == null || x === '' ? <Typography.Text type="secondary">—</Typography.Text> : x);

function Fields({ d }: { d: DisclosureDetail }) {
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}
      items={[
        { key: 'regNo', label: '登记号', children: <span data-testid="detail-reg-no">{d.regNo}</span> },
        { key: 'category', label: '类别', children: d.category },
        { key: 'forms', label: '公开形式', children: d.forms.map((f) => <Tag key={f}>{f}</Tag>) },
        { key: 'scope', label: '公开范围', children: scopeLabel(d.scope) },
        { key: 'timing', label: '时限类型', children: timingLabel(d.timing) },
        { key: 'disclosedOn', label: '公开日期', children: d.disclosedOn },
        { key: 'until', label: '公开期限', children: v(d.until) },
        { key: 'department', label: '责任部门', children: v(d.department) },
        { key: 'review', label: '审核', children: v([d.reviewer, d.reviewedOn].filter(Boolean).join('　')) },
        {
          key: 'content',
          label: '公开内容',
          span: 'filled',
          children: d.content ? <div style={{ whiteSpace: 'pre-wrap' }}>{d.content}</div> : v(null),
        },
        { key: 'remarks', label: '备注', span: 'filled', children: v(d.remarks) },
        { key: 'created', label: '登记时间', span: 'filled', children: `${formatDateTime(d.createdAt)}（最后修改 ${formatDateTime(d.updatedAt)}）` },
      ]}
    />
  );
}

/** One 公开事项: its fields, attachments (open or download) and the opinions about it. */
export function DisclosureDetailPage() {
  const { id } = useParams();
  const disclosureId = Number(id);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const loaded = useChannel('disclosures.get', { id: disclosureId });
  const [opinionOpen, setOpinionOpen] = useState(false);
  const [session, setSession] = useState(0);
  const d = loaded.data;

  const newOpinion = () => {
    setSession((n) => n + 1);
    setOpinionOpen(true);
  };
  useShortcut('ctrl+e', () => d && void navigate(`/disclosure/${d.id}/edit`), !!d);

  if (!Number.isInteger(disclosureId) || disclosureId <= 0 || (loaded.problem && !d)) {
    return (
      <Result
        status="warning"
        title="公开事项没有打开"
        subTitle={loaded.problem ?? '没有这项公开事项。'}
        extra={<Button onClick={() => void navigate('/disclosure')}>返回列表</Button>}
      />
    );
  }
  if (!d) return <Spin description="正在打开…" style={{ display: 'block', padding: 48 }} />;

  const remove = async () => {
    const reason = await askReason(modal, `删除公开事项 ${d.regNo}？`, `「${d.title}」将从列表和目录中移除；登记号 ${d.regNo} 不会再分配给其他事项。`);
    if (reason === '') {
      message.info('没有填写原因，未删除。');
      return;
    }
    if (!reason) return;
    try {
      await api.call('disclosures.remove', { id: d.id, reason });
      message.success(`已删除 ${d.regNo}`);
      void navigate(lastListAddress(), { replace: true });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div data-testid="disclosure-detail">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap', marginBottom: 16 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(lastListAddress())}>
          返回
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="detail-title">
          {d.title}
        </Typography.Title>
        <Tag>{d.regNo}</Tag>
        <div style={{ flex: 1 }} />
        <Space wrap>
          <Tooltip title={`编辑（${keyLabel('ctrl+e')}）`}>
            <Button icon={<EditOutlined />} onClick={() => void navigate(`/disclosure/${d.id}/edit`)}>
              编辑
            </Button>
          </Tooltip>
          <Button icon={<MessageOutlined />} onClick={newOpinion}>
            记录意见
          </Button>
          <Button danger icon={<DeleteOutlined />} onClick={() => void remove()}>
            删除
          </Button>
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={15}>
          <Fields d={d} />
        </Col>
        <Col xs={24} xxl={9}>
          <Card size="small" title={`附件（${d.attachments.length}）`}>
            <AttachmentList stored={d.attachments} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={`反馈意见（${d.opinions.length}）`} extra={<Button size="small" onClick={newOpinion}>记录意见</Button>}>
            <OpinionTable rows={d.opinions} showDisclosure={false} onChanged={loaded.reload} emptyText="还没有关于这项公开事项的意见" />
          </Card>
        </Col>
      </Row>
      <OpinionModal
        key={`new-${session}`}
        open={opinionOpen}
        original={null}
        disclosureId={d.id}
        onClose={() => setOpinionOpen(false)}
        onDone={() => {
          setOpinionOpen(false);
          void loaded.reload();
        }}
      />
    </div>
  );
}

import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { HardshipRow } from '../../../../shared/contract';
import { HARDSHIP_CATEGORIES, HARDSHIP_REASONS, HARDSHIP_STATUS_LABELS, HARDSHIP_STATUSES, type HardshipStatus } from '../../../../shared/domain/care-labels';
import { api, errorMessage } from '../../api';
import { useChannel } from '../../api/use-channel';
import { ListToolbar } from '../../components/list/ListToolbar';
import { MemberPicker } from '../../components/members/MemberPicker';
import { useMakeFile } from '../../components/print/use-make-file';
import { usePiiExport } from '../../components/pii/use-pii-export';
import { money } from './money';

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 困难职工档案: files in 档, each due for 复核 a year after the last review; 建档 and 复核 here. */
export function HardshipPage() {
  const { message } = App.useApp();
  const [status, setStatus] = useState<HardshipStatus | undefined>('open');
  const list = useChannel('care.hardshipList', status ? { status } : {});
  const [creating, setCreating] = useState(false);
  const [reviewing, setReviewing] = useState<HardshipRow | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [createForm] = Form.useForm();
  const [reviewForm] = Form.useForm();
  const navigate = useNavigate();
  const roster = useMakeFile<'xlsx'>();
  // A hardship roster is masked unless 完整号码 is chosen in the export question (#16).
  const pii = usePiiExport();

  const create = async () => {
    const v = await createForm.validateFields().catch(() => null);
    if (!v) return; // the form shows the field messages
    try {
      const made = await api.call('care.hardshipCreate', { hardship: { ...v, filedOn: day(v.filedOn as Dayjs) } });
      message.success('已建档，请补充家庭成员等内容');
      setCreating(false);
      createForm.resetFields();
      void navigate(`/care/hardship/${made.id}`);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const review = async () => {
    const v = await reviewForm.validateFields().catch(() => null);
    if (!v) return; // the form shows the field messages
    try {
      await api.call('care.hardshipReview', { id: reviewing!.id, status: v.status, reviewedOn: day(v.reviewedOn as Dayjs), reason: v.reason ?? null });
      message.success('已复核');
      setReviewing(null);
      void list.reload();
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };

  return (
    <div>
      {pii.modal}
      <ListToolbar>
        <Select<HardshipStatus>
          aria-label="档案状态"
          allowClear
          placeholder="全部"
          value={status}
          onChange={setStatus}
          style={{ width: 120 }}
          options={HARDSHIP_STATUSES.map((s) => ({ value: s, label: HARDSHIP_STATUS_LABELS[s] }))}
        />
        <div style={{ flex: 1 }} />
        <Button
          icon={<FileExcelOutlined />}
          loading={roster.making === 'xlsx'}
          onClick={() => void roster.make('xlsx', async () => { const ask = await pii.ask('困难职工花名册', false); return ask && api.call('care.hardshipRosterXlsx', { ...(status ? { status } : {}), revealIds: ask.revealIds === true, ...(ask.reason ? { reason: ask.reason } : {}) }); }, '困难职工花名册')}
        >
          导出花名册
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => { setProblem(null); setCreating(true); }}>
          建立档案
        </Button>
      </ListToolbar>
      {(list.problem ?? problem ?? roster.problem) && <Alert type="error" showIcon message={list.problem ?? problem ?? roster.problem} style={{ marginBottom: 12 }} />}
      <Table<HardshipRow>
        rowKey="id"
        size="small"
        loading={!list.loaded}
        dataSource={list.data ?? []}
        pagination={false}
        columns={[
          { title: '姓名', dataIndex: 'memberName', width: 100 },
          { title: '困难类别', dataIndex: 'category', width: 110 },
          { title: '致困原因', dataIndex: 'mainReason', width: 200, render: (m: string, r) => (r.secondaryReasons.length ? `${m}（另：${r.secondaryReasons.join('、')}）` : m) },
          { title: '家庭人口', dataIndex: 'familySize', width: 80 },
          { title: '月人均收入（元）', dataIndex: 'incomePerHeadFen', width: 130, align: 'right', render: (v: number | null) => money(v) },
          { title: '银行卡号', dataIndex: 'bankAccountMasked', width: 180 },
          { title: '本年帮扶（元）', dataIndex: 'aidYearFen', width: 120, align: 'right', render: (v: number) => money(v) },
          { title: '建档日期', dataIndex: 'filedOn', width: 110 },
          {
            title: '复核',
            render: (_: unknown, r) => (
              <Space>
                {HARDSHIP_STATUS_LABELS[r.status]}
                {r.status === 'open' && (r.reviewOverdue ? <Tag color="red">应于 {r.reviewDue} 复核</Tag> : <span>下次 {r.reviewDue}</span>)}
              </Space>
            ),
          },
          {
            title: '',
            width: 130,
            render: (_: unknown, r) => (
              <Space size={4}>
                <Button size="small" onClick={() => void navigate(`/care/hardship/${r.id}`)}>
                  档案
                </Button>
                {r.status === 'open' ? (
                  <Button size="small" onClick={() => { setProblem(null); reviewForm.setFieldsValue({ status: 'open', reviewedOn: dayjs(), reason: '' }); setReviewing(r); }}>
                    复核
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <Modal open={creating} title="建立困难职工档案" okText="保存" cancelText="取消" onOk={() => void create()} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={createForm} layout="vertical" initialValues={{ filedOn: dayjs() }}>
          <Form.Item name="memberId" label="会员" rules={[{ required: true, message: '请选择会员' }]}>
            <MemberPicker />
          </Form.Item>
          <Form.Item name="category" label="困难类别" rules={[{ required: true, message: '请选择困难类别' }]}>
            <Select aria-label="困难类别" options={HARDSHIP_CATEGORIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="mainReason" label="主要致困原因" rules={[{ required: true, message: '请选择主要致困原因' }]}>
            <Select aria-label="主要致困原因" options={HARDSHIP_REASONS.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Space>
            <Form.Item name="familySize" label="家庭人口">
              <InputNumber aria-label="家庭人口" min={1} max={30} />
            </Form.Item>
            <Form.Item name="incomePerHead" label="家庭月人均收入（元）">
              <InputNumber aria-label="家庭月人均收入" min={0} max={100000} precision={2} />
            </Form.Item>
            <Form.Item name="filedOn" label="建档日期" rules={[{ required: true }]}>
              <DatePicker aria-label="建档日期" />
            </Form.Item>
          </Space>
          <Form.Item name="notes" label="备注">
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={!!reviewing} title={`年度复核：${reviewing?.memberName ?? ''}`} okText="保存" cancelText="取消" onOk={() => void review()} onCancel={() => setReviewing(null)} destroyOnHidden>
        <Form form={reviewForm} layout="vertical">
          <Form.Item name="status" label="复核结果" rules={[{ required: true }]}>
            <Select aria-label="复核结果" options={HARDSHIP_STATUSES.map((s) => ({ value: s, label: s === 'open' ? '继续在档' : HARDSHIP_STATUS_LABELS[s] }))} />
          </Form.Item>
          <Form.Item name="reviewedOn" label="复核日期" rules={[{ required: true }]}>
            <DatePicker aria-label="复核日期" />
          </Form.Item>
          <Form.Item name="reason" label="复核说明（脱困、退出必填）">
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

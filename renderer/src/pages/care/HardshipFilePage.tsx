import { ArrowLeftOutlined, DeleteOutlined, EyeOutlined, PaperClipOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Col, DatePicker, Form, Input, InputNumber, Popconfirm, Row, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { AidRow, HardshipDetail, HardshipInput } from '../../../../shared/contract';
import {
  AID_FUND_SOURCES,
  AID_KINDS,
  FAMILY_RELATIONS,
  HARDSHIP_ATTACHMENT_KINDS,
  HARDSHIP_CATEGORIES,
  HARDSHIP_HEALTH,
  HARDSHIP_HOUSING,
  HARDSHIP_HUKOU,
  HARDSHIP_IDENTITY,
  HARDSHIP_INSURANCE,
  HARDSHIP_MARITAL,
  HARDSHIP_REASONS,
  HARDSHIP_STATUS_LABELS,
  MAX_SECONDARY_REASONS,
} from '../../../../shared/domain/care-labels';
import { api, errorMessage } from '../../api';
import { pickFile, saveFile } from '../../api/platform';
import { useChannel } from '../../api/use-channel';
import { PrintPreview } from '../../components/print/PrintPreview';
import { money } from './money';

const opts = (list: readonly string[]) => list.map((v) => ({ value: v, label: v }));
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const yuanOf = (fen: number | null) => (fen == null ? null : fen / 100);

type FamilyValues = { name: string; relation?: string; gender?: '男' | '女'; idNumber?: string; birthDate?: Dayjs | null; health?: string; monthlyIncome?: number | null; identity?: string; medicalInsurance?: string; workplace?: string };
type Values = Omit<HardshipInput, 'filedOn' | 'auditedOn' | 'family' | 'memberId'> & { filedOn: Dayjs; auditedOn?: Dayjs | null; family: FamilyValues[] };

function toValues(d: HardshipDetail): Values {
  return {
    category: d.category,
    mainReason: d.mainReason,
    secondaryReasons: d.secondaryReasons,
    familySize: d.familySize,
    incomePerHead: yuanOf(d.incomePerHeadFen),
    ownIncome: yuanOf(d.ownIncomeFen),
    familyIncome: yuanOf(d.familyIncomeFen),
    health: d.health,
    disability: d.disability,
    housing: d.housing,
    housingArea: d.housingArea,
    maritalStatus: d.maritalStatus,
    hukouType: d.hukouType,
    medicalInsurance: d.medicalInsurance,
    phone: d.phone,
    address: d.address,
    bankName: d.bankName,
    bankBranch: d.bankBranch,
    bankAccount: d.bankAccount ?? '',
    filedOn: dayjs(d.filedOn),
    filedBy: d.filedBy,
    auditedBy: d.auditedBy,
    auditedOn: d.auditedOn ? dayjs(d.auditedOn) : null,
    notes: d.notes,
    family: d.family.map((f) => ({
      name: f.name,
      relation: f.relation ?? undefined,
      gender: f.gender ?? undefined,
      idNumber: f.idNumber ?? undefined,
      birthDate: f.birthDate ? dayjs(f.birthDate) : null,
      health: f.health ?? undefined,
      monthlyIncome: yuanOf(f.monthlyIncomeFen),
      identity: f.identity ?? undefined,
      medicalInsurance: f.medicalInsurance ?? undefined,
      workplace: f.workplace ?? undefined,
    })),
  };
}

/** One 困难职工档案 as the national form has it: edit, 家庭成员, 帮扶记录, 证明材料, print. */
export function HardshipFilePage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [reveal, setReveal] = useState(false);
  const file = useChannel('care.hardshipGet', { id, revealIds: reveal });
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (file.data) form.setFieldsValue(toValues(file.data));
  }, [file.data, form]);

  const act = async (work: () => Promise<HardshipDetail>, done: string) => {
    setProblem(null);
    try {
      file.set(await work());
      message.success(done);
      return true;
    } catch (e) {
      setProblem(errorMessage(e));
      return false;
    }
  };

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !file.data) return; // the form shows the field messages
    setSaving(true);
    const { filedOn, auditedOn, family, bankAccount, ...rest } = v;
    await act(
      () =>
        api.call('care.hardshipUpdate', {
          id,
          hardship: {
            ...rest,
            memberId: file.data!.memberId,
            filedOn: day(filedOn)!,
            auditedOn: day(auditedOn),
            // Not shown in full: an empty field keeps the stored number.
            ...(reveal || bankAccount ? { bankAccount: bankAccount ?? '' } : {}),
            family: family.map((f) => ({ ...f, birthDate: day(f.birthDate), monthlyIncome: f.monthlyIncome ?? null })),
          },
        }),
      '已保存档案',
    );
    setSaving(false);
  };

  if (!file.data) {
    return file.problem ? <Alert type="error" showIcon message={file.problem} /> : <Spin style={{ display: 'block', margin: 48 }} />;
  }
  const d = file.data;
  return (
    <div data-testid="hardship-file">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/care/hardship')}>
          返回
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          困难职工档案：{d.memberName}
        </Typography.Title>
        <Tag>{HARDSHIP_STATUS_LABELS[d.status]}</Tag>
        {d.status === 'open' && (d.reviewOverdue ? <Tag color="red">应于 {d.reviewDue} 复核</Tag> : <Tag>下次复核 {d.reviewDue}</Tag>)}
        <Button icon={<EyeOutlined />} onClick={() => setReveal((r) => !r)}>
          {reveal ? '隐藏完整号码' : '显示完整号码'}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => setPrinting(true)}>
          打印档案表
        </Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          保存档案
        </Button>
      </Space>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="hardship-problem" />}
      <Form form={form} layout="vertical">
        <Card size="small" title="困难情况与家庭经济">
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="category" label="困难类别" rules={[{ required: true, message: '请选择困难类别' }]}>
                <Select aria-label="困难类别" options={opts(HARDSHIP_CATEGORIES)} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="mainReason" label="主要致困原因" rules={[{ required: true, message: '请选择主要致困原因' }]}>
                <Select aria-label="主要致困原因" options={opts(HARDSHIP_REASONS)} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="secondaryReasons" label={`次要致困原因（最多 ${MAX_SECONDARY_REASONS} 项）`}>
                <Select aria-label="次要致困原因" mode="multiple" maxCount={MAX_SECONDARY_REASONS} options={opts(HARDSHIP_REASONS)} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="ownIncome" label="本人月平均收入（元）">
                <InputNumber aria-label="本人月平均收入" min={0} max={100000} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="familyIncome" label="家庭年度总收入（元）">
                <InputNumber aria-label="家庭年度总收入" min={0} max={10000000} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="familySize" label="家庭人口">
                <InputNumber aria-label="家庭人口" min={1} max={30} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="incomePerHead" label="家庭月人均收入（元）">
                <InputNumber aria-label="家庭月人均收入" min={0} max={100000} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            {(
              [
                ['health', '健康状况', HARDSHIP_HEALTH],
                ['disability', '残疾类别', []],
                ['housing', '住房类型', HARDSHIP_HOUSING],
                ['maritalStatus', '婚姻状况', HARDSHIP_MARITAL],
                ['hukouType', '户口类型', HARDSHIP_HUKOU],
                ['medicalInsurance', '医保状况', HARDSHIP_INSURANCE],
              ] as const
            ).map(([name, label, list]) => (
              <Col span={4} key={name}>
                <Form.Item name={name} label={label}>
                  <AutoComplete aria-label={label} options={opts(list)} filterOption />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Row gutter={12}>
            <Col span={4}>
              <Form.Item name="housingArea" label="建筑面积（㎡）">
                <InputNumber aria-label="建筑面积" min={0} max={10000} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="phone" label="联系电话">
                <Input aria-label="联系电话" maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="address" label="家庭住址">
                <Input aria-label="家庭住址" maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="bankName" label="开户银行">
                <Input aria-label="开户银行" maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="bankBranch" label="支行名称">
                <Input aria-label="支行名称" maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="bankAccount" label="银行卡号" extra={reveal ? undefined : '已隐藏；留空则不改，点「显示完整号码」可查看'}>
                <Input aria-label="银行卡号" maxLength={40} placeholder={d.bankAccountMasked ?? ''} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="filedOn" label="建档日期" rules={[{ required: true, message: '请选择建档日期' }]}>
                <DatePicker aria-label="建档日期" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="filedBy" label="建档人">
                <Input aria-label="建档人" maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="auditedBy" label="审核人">
                <Input aria-label="审核人" maxLength={30} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="auditedOn" label="审核日期">
                <DatePicker aria-label="审核日期" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="notes" label="备注">
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
        </Card>
        <Card size="small" title="家庭成员" style={{ marginTop: 16 }} data-testid="hardship-family">
          <Form.List name="family">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '请填写姓名' }]} style={{ marginBottom: 8 }}>
                      <Input aria-label={`成员${i + 1}姓名`} placeholder="姓名" maxLength={30} style={{ width: 90 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'relation']} style={{ marginBottom: 8 }}>
                      <AutoComplete aria-label={`成员${i + 1}关系`} placeholder="关系" options={opts(FAMILY_RELATIONS)} style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'gender']} style={{ marginBottom: 8 }}>
                      <Select aria-label={`成员${i + 1}性别`} placeholder="性别" allowClear options={opts(['男', '女'])} style={{ width: 70 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'idNumber']} style={{ marginBottom: 8 }}>
                      <Input aria-label={`成员${i + 1}身份证号`} placeholder="身份证号" maxLength={18} style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'birthDate']} style={{ marginBottom: 8 }}>
                      <DatePicker aria-label={`成员${i + 1}出生日期`} placeholder="出生日期" style={{ width: 130 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'health']} style={{ marginBottom: 8 }}>
                      <AutoComplete aria-label={`成员${i + 1}健康状况`} placeholder="健康状况" options={opts(HARDSHIP_HEALTH)} style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'monthlyIncome']} style={{ marginBottom: 8 }}>
                      <InputNumber aria-label={`成员${i + 1}月收入`} placeholder="月收入（元）" min={0} max={100000} precision={2} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'identity']} style={{ marginBottom: 8 }}>
                      <AutoComplete aria-label={`成员${i + 1}身份`} placeholder="身份" options={opts(HARDSHIP_IDENTITY)} style={{ width: 100 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'medicalInsurance']} style={{ marginBottom: 8 }}>
                      <AutoComplete aria-label={`成员${i + 1}医保状况`} placeholder="医保状况" options={opts(HARDSHIP_INSURANCE)} style={{ width: 120 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'workplace']} style={{ marginBottom: 8 }}>
                      <Input aria-label={`成员${i + 1}单位或学校`} placeholder="单位或学校" maxLength={60} style={{ width: 150 }} />
                    </Form.Item>
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除成员${i + 1}`} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })}>
                  添加家庭成员
                </Button>
              </>
            )}
          </Form.List>
        </Card>
      </Form>
      <AidCard file={d} onChange={(w, done) => act(w, done)} />
      <AttachmentsCard file={d} onChange={(w, done) => act(w, done)} onProblem={setProblem} />
      <PrintPreview
        open={printing}
        docKey={`${id}-${reveal}-${d.aid.length}`}
        load={async () => ({ html: (await api.call('care.hardshipHtml', { id, revealIds: reveal })).html, title: '困难职工档案表' })}
        makePdf={() => api.call('care.hardshipPdf', { id, revealIds: reveal })}
        onClose={() => setPrinting(false)}
        testId="hardship-print"
      />
    </div>
  );
}

type Change = (work: () => Promise<HardshipDetail>, done: string) => Promise<boolean>;

function AidCard({ file, onChange }: { file: HardshipDetail; onChange: Change }) {
  const [form] = Form.useForm<{ date: Dayjs; kind: string; amount: number; fundSource?: string; notes?: string }>();
  const [reason, setReason] = useState('');
  const add = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows the field messages
    const ok = await onChange(() => api.call('care.hardshipAidAdd', { fileId: file.id, aid: { ...v, date: day(v.date)!, fundSource: v.fundSource ?? null, notes: v.notes ?? null } }), '已登记帮扶');
    if (ok) form.resetFields();
  };
  return (
    <Card
      size="small"
      title="帮扶记录"
      style={{ marginTop: 16 }}
      data-testid="hardship-aid"
      extra={
        <Typography.Text data-testid="hardship-aid-totals">
          {file.aidByYear.map((y) => `${y.year}年 ${y.count} 次 ${money(y.totalFen)} 元`).join('；') || '暂无帮扶'}
        </Typography.Text>
      }
    >
      <Form form={form} layout="inline" initialValues={{ date: dayjs() }} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker aria-label="帮扶日期" />
        </Form.Item>
        <Form.Item name="kind" rules={[{ required: true, message: '请选择帮扶类型' }]}>
          <AutoComplete aria-label="帮扶类型" placeholder="帮扶类型" options={opts(AID_KINDS)} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="amount" rules={[{ required: true, message: '请填写金额' }]}>
          <InputNumber aria-label="帮扶金额" placeholder="金额（元）" min={0} max={100000} precision={2} style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="fundSource">
          <AutoComplete aria-label="资金来源" placeholder="资金来源" options={opts(AID_FUND_SOURCES)} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="notes">
          <Input aria-label="帮扶备注" placeholder="备注" maxLength={500} style={{ width: 180 }} />
        </Form.Item>
        <Button icon={<PlusOutlined />} onClick={() => void add()}>
          登记帮扶
        </Button>
      </Form>
      <Table<AidRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={file.aid}
        columns={[
          { title: '日期', dataIndex: 'date', width: 110 },
          { title: '帮扶类型', dataIndex: 'kind', width: 120 },
          { title: '金额（元）', dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number) => money(v) },
          { title: '资金来源', dataIndex: 'fundSource', width: 160 },
          { title: '备注', dataIndex: 'notes' },
          {
            title: '',
            width: 60,
            render: (_: unknown, a) => (
              <Popconfirm
                title="删除这条帮扶记录？"
                description={<Input aria-label="删除原因" placeholder="删除原因（必填）" value={reason} onChange={(e) => setReason(e.target.value)} />}
                okText="删除"
                cancelText="取消"
                onConfirm={() => void onChange(() => api.call('care.hardshipAidRemove', { id: a.id, reason }), '已删除帮扶记录').then(() => setReason(''))}
              >
                <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label="删除帮扶记录" />
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

function AttachmentsCard({ file, onChange, onProblem }: { file: HardshipDetail; onChange: Change; onProblem: (p: string | null) => void }) {
  const [kind, setKind] = useState<string>(HARDSHIP_ATTACHMENT_KINDS[0]);
  const add = async () => {
    const ref = await pickFile({ title: '选择证明材料（扫描件、照片、PDF）', extensions: [] }).catch((e: unknown) => {
      onProblem(errorMessage(e));
      return null;
    });
    if (ref) await onChange(() => api.call('care.hardshipAttachmentAdd', { fileId: file.id, kind, tokens: [ref.token] }), '已添加附件');
  };
  const download = async (id: number) => {
    try {
      await saveFile(await api.call('care.hardshipAttachmentFile', { id }));
    } catch (e) {
      onProblem(errorMessage(e));
    }
  };
  return (
    <Card
      size="small"
      title="证明材料"
      style={{ marginTop: 16 }}
      data-testid="hardship-attachments"
      extra={
        <Space>
          <Select aria-label="材料类型" value={kind} onChange={setKind} options={opts(HARDSHIP_ATTACHMENT_KINDS)} style={{ width: 150 }} />
          <Button icon={<PaperClipOutlined />} onClick={() => void add()}>
            添加附件
          </Button>
        </Space>
      }
    >
      {file.attachments.length ? (
        file.attachments.map((a) => (
          <div key={a.id} style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 4 }}>
            {a.kind && <Tag>{a.kind}</Tag>}
            <Button type="link" onClick={() => void download(a.id)} style={{ padding: 0 }}>
              {a.label}
            </Button>
            <Typography.Text type="secondary">{Math.ceil(a.sizeBytes / 1024)} KB</Typography.Text>
            <Popconfirm title="删除这个附件？" okText="删除" cancelText="取消" onConfirm={() => void onChange(() => api.call('care.hardshipAttachmentRemove', { id: a.id }), '已删除附件')}>
              <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={`删除附件${a.label}`} />
            </Popconfirm>
          </div>
        ))
      ) : (
        <Typography.Text type="secondary">暂无附件（收入证明、户口本、诊断证明及票据、低保证明等）</Typography.Text>
      )}
    </Card>
  );
}

import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ProposalConfig } from '../../../../shared/contract';
import { defaultCategories } from '../../../../shared/domain/proposal-labels';
import { formatProposalNumber, NUMBER_FORMAT_TOKENS, numberFormatProblem } from '../../../../shared/domain/proposal-workflow';
import { api, errorMessage, isApiError } from '../../api';
import { useShortcut } from '../../hooks/use-shortcut';
import { useAppState } from '../../state/app-state';

const sample = (f: string | undefined, serial: number) =>
  f && !numberFormatProblem(f) ? formatProposalNumber(f, { term: 5, meeting: 2, serial, year: 2026 }) : '—';

/** 类别与编号: the office's own category list and how numbers are written (DOMAIN.md §3.2, §3.4). */
export function ProposalSettingsPage() {
  const { message } = App.useApp();
  const { settings } = useAppState();
  const [form] = Form.useForm<ProposalConfig>();
  const [loaded, setLoaded] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const numberFormat = Form.useWatch('numberFormat', form);
  const opinionNumberFormat = Form.useWatch('opinionNumberFormat', form);

  useEffect(() => {
    api
      .call('proposals.config', {})
      .then((c) => {
        form.setFieldsValue(c);
        setLoaded(true);
      })
      .catch((e: unknown) => setProblem(errorMessage(e)));
  }, [form]);

  const save = async () => {
    setProblem(null);
    let v: ProposalConfig;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      form.setFieldsValue(await api.call('proposals.configUpdate', v));
      message.success('已保存类别与编号格式');
    } catch (e) {
      setProblem(isApiError(e) ? e.message : errorMessage(e));
    }
  };
  useShortcut('ctrl+s', () => void save(), loaded);

  const formatRule = { validator: async (_r: unknown, f: string | undefined) => {
    const p = f ? numberFormatProblem(f) : '请填写编号格式';
    if (p) throw new Error(p);
  } };

  return (
    <Card size="small" title="提案类别与编号格式" style={{ maxWidth: 900 }}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<ProposalConfig> form={form} layout="vertical" aria-label="提案类别与编号格式" disabled={!loaded}>
        <Form.Item
          name="categories"
          label="提案类别"
          rules={[{ required: true, type: 'array', min: 1, message: '至少要有一个类别' }]}
          extra="输入类别名称后按回车添加；提案人选择的类别可在审查时更正。已用过的类别从列表中去掉后，原有提案仍保留它。"
        >
          <Select mode="tags" aria-label="提案类别" tokenSeparators={[',', '，', '、']} open={false} />
        </Form.Item>
        <div style={{ marginTop: -8, marginBottom: 16 }}>
          <Button size="small" onClick={() => form.setFieldValue('categories', defaultCategories(settings.unitType))}>
            恢复为{settings.unitType === 'school' ? '学校' : '企事业单位'}常用类别
          </Button>
        </div>
        <Space align="start" wrap size={24}>
          <Form.Item name="numberFormat" label="提案编号格式" rules={[formatRule]} extra={<span data-testid="number-sample">示例：{sample(numberFormat, 23)}</span>}>
            <Input style={{ width: 280 }} aria-label="提案编号格式" maxLength={40} />
          </Form.Item>
          <Form.Item name="opinionNumberFormat" label="意见建议编号格式" rules={[formatRule]} extra={`示例：${sample(opinionNumberFormat, 4)}`}>
            <Input style={{ width: 280 }} aria-label="意见建议编号格式" maxLength={40} />
          </Form.Item>
        </Space>
        <Table
          size="small"
          pagination={false}
          rowKey="token"
          style={{ maxWidth: 560, marginBottom: 16 }}
          dataSource={[...NUMBER_FORMAT_TOKENS]}
          columns={[
            { title: '写法', dataIndex: 'token', width: 100, render: (t: string) => <Typography.Text code>{t}</Typography.Text> },
            { title: '含义', dataIndex: 'meaning' },
          ]}
        />
        <Typography.Paragraph type="secondary">编号按登记顺序在每个届次内连续编排，提案和意见建议各自编号；改变格式只改变编号的写法，不改变顺序号。</Typography.Paragraph>
        <Button type="primary" icon={<SaveOutlined />} onClick={() => void save()}>
          保存
        </Button>
      </Form>
    </Card>
  );
}

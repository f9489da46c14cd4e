import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CareOccasionRow } from '../../../../shared/contract';
import { CARE_FREQUENCY_LABELS, DEFAULT_CARE_OCCASIONS } from '../../../../shared/domain/care-labels';
import { api, errorMessage } from '../../api';
import { useChannel } from '../../api/use-channel';

interface Values {
  occasions: (Omit<CareOccasionRow, 'key'> & { key?: string })[];
}

/** 设置 → 慰问事由与标准: each occasion's name, 标准 (cap, yuan) and 次数 rule; the visit check uses these. */
export function CareOccasionsCard() {
  const { message } = App.useApp();
  const list = useChannel('care.occasionsGet', {});
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (list.data) form.setFieldsValue({ occasions: list.data });
  }, [list.data, form]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows the field messages
    setSaving(true);
    setProblem(null);
    try {
      const saved = await api.call('care.occasionsUpdate', {
        occasions: v.occasions.map((o) => ({ ...(o.key ? { key: o.key } : {}), label: o.label, capYuan: o.capYuan, frequency: o.frequency, timesPerYear: o.timesPerYear ?? 1 })),
      });
      list.set(saved);
      message.success('已保存慰问事由与标准');
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title="慰问事由与标准"
      data-testid="care-occasions"
      extra={
        <Space>
          <Button onClick={() => form.setFieldsValue({ occasions: DEFAULT_CARE_OCCASIONS.map((o) => ({ ...o })) })}>恢复默认</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            保存慰问标准
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        登记慰问时按这里的标准检查：超过标准金额或次数的慰问须填写原因，并在列表和发放表上标注。默认标准参照安徽省 2018 年规定。
      </Typography.Paragraph>
      {(problem ?? list.problem) && <Alert type="error" showIcon message={problem ?? list.problem} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="inline">
        <Form.List name="occasions">
          {(fields, { add, remove }) => (
            <div style={{ width: '100%' }}>
              {fields.map((f, i) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[f.name, 'key']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: '请填写事由名称' }]}>
                    <Input aria-label={`事由${i + 1}名称`} maxLength={20} placeholder="事由名称" style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'capYuan']} rules={[{ required: true, message: '请填写标准' }]}>
                    <InputNumber aria-label={`事由${i + 1}标准`} min={0} max={100000} precision={2} addonBefore="标准" addonAfter="元" style={{ width: 190 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'frequency']} initialValue="event">
                    <Select
                      aria-label={`事由${i + 1}次数规则`}
                      style={{ width: 140 }}
                      options={(['event', 'year'] as const).map((k) => ({ value: k, label: CARE_FREQUENCY_LABELS[k] }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {() =>
                      form.getFieldValue(['occasions', f.name, 'frequency']) === 'year' ? (
                        <Form.Item name={[f.name, 'timesPerYear']} initialValue={1}>
                          <InputNumber aria-label={`事由${i + 1}每年次数`} min={1} max={12} precision={0} addonBefore="每年" addonAfter="次" style={{ width: 150 }} />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除事由${i + 1}`} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ label: '', capYuan: 0, frequency: 'event', timesPerYear: 1 })}>
                添加事由
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

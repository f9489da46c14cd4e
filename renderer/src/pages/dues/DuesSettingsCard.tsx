import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/contract';
import { DUES_FEN_ROUNDING_LABELS, DUES_PERIOD_KIND_LABELS, DUES_PERIOD_KINDS, duesOf } from '../../../../shared/domain/dues';
import { api, errorMessage } from '../../api';
import { useAppState } from '../../state/app-state';
import { money } from '../care/money';

type DuesSettings = Pick<Settings, 'duesPeriodKind' | 'duesWageFloor10' | 'duesFenRounding'>;

/** 设置 → 会费: the collection period the dues page works in, and how the 0.5 % is rounded (DOMAIN.md §1.8). */
export function DuesSettingsCard() {
  const { settings, reload } = useAppState();
  const { message } = App.useApp();
  const [form] = Form.useForm<DuesSettings>();
  const [saving, setSaving] = useState(false);
  const values = Form.useWatch([], form) as DuesSettings | undefined;
  useEffect(() => {
    form.setFieldsValue({ duesPeriodKind: settings.duesPeriodKind, duesWageFloor10: settings.duesWageFloor10, duesFenRounding: settings.duesFenRounding });
  }, [settings, form]);
  const save = async () => {
    setSaving(true);
    try {
      await api.call('settings.update', form.getFieldsValue());
      await reload();
      message.success('已保存会费设置；已缴的记录不受影响，未缴的在下次核算时按新规则计算');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const rule = { floor10: values?.duesWageFloor10 ?? true, fen: values?.duesFenRounding ?? 'halfUp' } as const;
  const example = duesOf(456789, rule);
  return (
    <Card
      title="会费"
      size="small"
      data-testid="dues-settings"
      extra={
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
          保存
        </Button>
      }
    >
      <Form form={form} layout="vertical">
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: '0 16px' }}>
          <Form.Item name="duesPeriodKind" label="收缴周期">
            <Select aria-label="收缴周期" options={DUES_PERIOD_KINDS.map((k) => ({ value: k, label: DUES_PERIOD_KIND_LABELS[k] }))} />
          </Form.Item>
          <Form.Item name="duesWageFloor10" label="工资尾数">
            <Radio.Group
              aria-label="工资尾数"
              options={[
                { value: true, label: '10 元以下不计（默认）' },
                { value: false, label: '按全部工资' },
              ]}
            />
          </Form.Item>
          <Form.Item name="duesFenRounding" label="分以下">
            <Radio.Group aria-label="分以下" options={(['halfUp', 'truncate'] as const).map((k) => ({ value: k, label: DUES_FEN_ROUNDING_LABELS[k] }))} />
          </Form.Item>
        </div>
      </Form>
      <Typography.Text type="secondary" data-testid="dues-rule-example">
        例：月工资 4567.89 元 → 计缴基数 {money(example.baseFen)} 元 × 0.5% = 应缴 {money(example.amountFen)} 元。台账始终按月记录，季度、半年、全年为各月之和。
      </Typography.Text>
    </Card>
  );
}

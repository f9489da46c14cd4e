import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Select } from 'antd';
import { useEffect, useState } from 'react';
import { DEFAULT_PLAN_KIND_NAMES } from '../../../../shared/domain/plans-labels';
import { SETTINGS_LABELS } from '../../../../shared/domain/labels';
import { api, errorMessage } from '../../api';
import { useAppState } from '../../state/app-state';

/** 设置 → 计划事项类别: the kinds plan items and activities are filed under, in the office's own words. */
export function PlanKindsCard() {
  const { settings, revision, reload } = useAppState();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ planItemKinds: string[] }>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    form.setFieldsValue({ planItemKinds: settings.planItemKinds });
  }, [form, settings, revision]);

  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await api.call('settings.update', { planItemKinds: v.planItemKinds });
      message.success('已保存计划事项类别');
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={SETTINGS_LABELS.planItemKinds} data-testid="plan-kinds-card"
      extra={<Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>保存</Button>}>
      <Form form={form} layout="vertical" initialValues={{ planItemKinds: settings.planItemKinds }} style={{ maxWidth: 900 }}>
        <Form.Item name="planItemKinds" label="工作计划事项和活动台账的类别"
          extra={`输入后按回车添加。默认：${DEFAULT_PLAN_KIND_NAMES.join('、')}。去掉的类别不再供选择，已登记的事项和活动保留原类别。`}
          rules={[{ required: true, type: 'array', min: 1, message: '至少保留一个类别' }]}>
          <Select mode="tags" aria-label="计划事项类别" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
        </Form.Item>
      </Form>
    </Card>
  );
}

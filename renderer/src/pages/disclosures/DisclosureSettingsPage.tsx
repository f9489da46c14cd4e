import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, InputNumber, Row, Select, Space, Tooltip, Typography, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/contract';
import { DEFAULT_DISCLOSURE_CATEGORIES } from '../../../../shared/domain/disclosure-labels';
import { DISCLOSURE_NAME, SETTINGS_LABELS } from '../../../../shared/domain/labels';
import { api, isApiError } from '../../api';
import { reportError } from '../../components/error-store';
import { issuesToFields } from '../../components/form-errors';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { useAppState } from '../../state/app-state';

type Values = Pick<Settings, 'disclosureCategories' | 'opinionReplyDays' | 'attachmentMaxMb' | 'holidays' | 'makeupWorkdays'>;
type FieldList = Parameters<FormInstance<Values>['setFields']>[0];
const KEYS = ['disclosureCategories', 'opinionReplyDays', 'attachmentMaxMb', 'holidays', 'makeupWorkdays'] as const;

const pick = (s: Settings): Values => Object.fromEntries(KEYS.map((k) => [k, s[k]])) as Values;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const dateRule = {
  validator: async (_r: unknown, list: string[] | undefined) => {
    const bad = (list ?? []).find((d) => !DATE_RE.test(d));
    if (bad) throw new Error(`「${bad}」不是 YYYY-MM-DD 格式的日期`);
  },
};

/** The lists and limits an office words its own way, saved into 设置 like the unit details. */
export function DisclosureSettingsPage() {
  const { settings, revision, reload } = useAppState();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(pick(settings));
  }, [form, settings, revision]);

  const save = async () => {
    if (saving) return;
    try {
      await form.validateFields();
    } catch {
      message.error('有内容需要修改，未保存。');
      return;
    }
    setSaving(true);
    try {
      const v = form.getFieldsValue();
      await api.call('settings.update', { ...v, holidays: [...v.holidays].sort(), makeupWorkdays: [...v.makeupWorkdays].sort() });
      message.success('已保存');
      await reload();
    } catch (e) {
      if (isApiError(e) && e.issues.length) {
        const { fields, general } = issuesToFields(e.issues.map((i) => ({ ...i, path: i.path.slice(0, 1) })));
        form.setFields(fields as FieldList);
        message.error(general[0] ?? e.message);
      } else {
        reportError(e);
      }
    } finally {
      setSaving(false);
    }
  };
  useShortcut('ctrl+s', () => void save());

  return (
    <Card
      title={`${DISCLOSURE_NAME[settings.unitType]}设置`}
      extra={
        <Tooltip title={`保存（${keyLabel('ctrl+s')}）`}>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </Tooltip>
      }
    >
      <Form<Values> form={form} layout="vertical" initialValues={pick(settings)} aria-label="公开设置" style={{ maxWidth: 900 }}>
        <Form.Item
          name="disclosureCategories"
          label={SETTINGS_LABELS.disclosureCategories}
          extra={`输入后按回车添加。默认：${DEFAULT_DISCLOSURE_CATEGORIES.join('、')}。已登记事项的类别不受影响。`}
          rules={[{ required: true, type: 'array', min: 1, message: '至少保留一个类别' }]}
        >
          <Select mode="tags" aria-label="公开事项类别" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="opinionReplyDays" label={SETTINGS_LABELS.opinionReplyDays} extra="新登记的意见默认在收到后这么多个工作日内答复。">
              <InputNumber aria-label="意见答复期限" min={1} max={60} precision={0} suffix="个工作日" style={{ width: 200 }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="attachmentMaxMb" label={SETTINGS_LABELS.attachmentMaxMb} extra="超过此大小的附件不接受。">
              <InputNumber aria-label="附件大小上限" min={1} max={200} precision={0} suffix="MB" style={{ width: 200 }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="holidays"
          label={SETTINGS_LABELS.holidays}
          rules={[dateRule]}
          extra="法定节假日中的工作日（如国庆、春节），写成 2026-10-01，可一次粘贴多个（用逗号或空格分隔）。计算答复期限时跳过。"
        >
          <Select mode="tags" aria-label="节假日" tokenSeparators={[',', '，', ' ', '、', ';']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="makeupWorkdays" label={SETTINGS_LABELS.makeupWorkdays} rules={[dateRule]} extra="调休需要上班的周六、周日，计算答复期限时算作工作日。">
          <Select mode="tags" aria-label="调休上班日" tokenSeparators={[',', '，', ' ', '、', ';']} open={false} suffixIcon={null} />
        </Form.Item>
      </Form>
      <Space orientation="vertical" size={4}>
        <Typography.Text type="secondary">
          附件保存在数据文件夹的 files 文件夹中，按内容存放，同一文件只存一份；移除附件或删除事项时文件会保留，以便从旧备份恢复时附件仍可打开。
        </Typography.Text>
        <Typography.Text type="secondary">迁移到另一台电脑时，请复制整个数据文件夹（包括 files 和 backups）。</Typography.Text>
      </Space>
    </Card>
  );
}

import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Form, type FormInstance, Input, Radio, Row, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { orgCode, settingsSchema, type Settings } from '../../../../shared/contract';
import { SETTINGS_LABELS, UNIT_TYPE_LABELS, UNIT_TYPES } from '../../../../shared/domain/labels';
import { api, isApiError } from '../../api';
import { reportError } from '../../components/error-store';
import { issuesToFields, zodRule } from '../../components/form-errors';
import { keyLabel, useShortcut } from '../../hooks/use-shortcut';
import { useAppState } from '../../state/app-state';

const L = SETTINGS_LABELS;
/** antd types field names as literal tuples; paths from issues and getFieldsError are plain arrays. */
type FieldList = Parameters<FormInstance<Settings>['setFields']>[0];
const S = settingsSchema.shape;

/** 单位信息: the names printed on forms and archive catalogues, saved with the button or Ctrl+S. */
export function UnitSettingsForm() {
  const { settings, revision, reload } = useAppState();
  const { message } = App.useApp();
  const [form] = Form.useForm<Settings>();
  const [saving, setSaving] = useState(false);

  // Refill from the stored values after every load (first open, save, restore).
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(settings);
  }, [form, settings, revision]);

  const save = async () => {
    if (saving) return;
    setSaving(true);
    // Clear the previous round's errors; the contract check below decides afresh.
    form.setFields(
      form
        .getFieldsError()
        .filter((f) => f.errors.length)
        .map((f) => ({ name: f.name, errors: [] })) as unknown as FieldList,
    );
    try {
      await api.call('settings.update', form.getFieldsValue());
      message.success('已保存');
      await reload();
    } catch (e) {
      if (isApiError(e) && e.code === 'VALIDATION' && e.issues.length) {
        const { fields, general } = issuesToFields(e.issues);
        form.setFields(fields as FieldList);
        message.error(general[0] ?? '有内容需要修改，未保存。');
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
      title="单位信息"
      extra={
        <Space>
          <Typography.Text type="secondary">快捷键 {keyLabel('ctrl+s')}</Typography.Text>
          <Tooltip title={`保存（${keyLabel('ctrl+s')}）`}>
            <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()} data-testid="unit-settings-save">
              保存
            </Button>
          </Tooltip>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={settings} validateTrigger="onBlur" aria-label="单位信息">
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item name="unitName" label={L.unitName} rules={[zodRule(S.unitName)]}>
              <Input placeholder="如：某某市第一中学" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="unitType" label={L.unitType} tooltip="决定「校务公开/院务公开/厂务公开」和「教代会/职代会」的叫法">
              <Radio.Group
                optionType="button"
                options={UNIT_TYPES.map((t) => ({ value: t, label: UNIT_TYPE_LABELS[t] }))}
              />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="unionName" label={L.unionName} rules={[zodRule(S.unionName)]}>
              <Input placeholder="如：某某市第一中学工会委员会" maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="operator" label={L.operator} tooltip="记在修改记录和打印的表格上" rules={[zodRule(S.operator)]}>
              <Input placeholder="经办人姓名" maxLength={30} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="fondsCode"
              label={L.fondsCode}
              tooltip="档案馆给本单位的全宗编号，用于档号，如 Z012"
              rules={[zodRule(S.fondsCode)]}
            >
              <Input placeholder="如：Z012" maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="fondsName" label={L.fondsName} rules={[zodRule(S.fondsName)]}>
              <Input placeholder="通常与单位名称相同" maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <OrgCodeList />
      </Form>
    </Card>
  );
}

/** 机构（问题）代码: the short codes that go into 档号, one row each. */
function OrgCodeList() {
  return (
    <Form.List name="orgCodes">
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="org-codes">
          <Typography.Text strong>{L.orgCodes}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            用于档号中的机构或问题部分，如 DQ 党群、XZ 行政
          </Typography.Text>
          <div style={{ marginTop: 8 }}>
            {fields.map(({ key, name }) => (
              <Space key={key} align="start" style={{ display: 'flex' }}>
                <Form.Item name={[name, 'code']} rules={[zodRule(orgCode.shape.code)]} style={{ marginBottom: 8 }}>
                  <Input placeholder="代码，如 DQ" aria-label="代码" style={{ width: 140 }} maxLength={10} />
                </Form.Item>
                <Form.Item name={[name, 'name']} rules={[zodRule(orgCode.shape.name)]} style={{ marginBottom: 8 }}>
                  <Input placeholder="名称，如 党群" aria-label="名称" style={{ width: 260 }} maxLength={50} />
                </Form.Item>
                <Tooltip title="删除这一行">
                  <Button icon={<DeleteOutlined />} aria-label="删除代码" onClick={() => remove(name)} />
                </Tooltip>
              </Space>
            ))}
          </div>
          <Form.ErrorList errors={errors} />
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: '', name: '' })} style={{ marginTop: 4 }}>
            添加代码
          </Button>
        </div>
      )}
    </Form.List>
  );
}

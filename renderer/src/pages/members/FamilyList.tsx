import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Space, Tooltip, Typography } from 'antd';

/** 家庭主要成员及其工作单位: one row per person, as on the paper form. */
export function FamilyList() {
  return (
    <Form.List name="familyMembers">
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="family-list">
          {fields.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              还没有填写家庭成员。
            </Typography.Paragraph>
          )}
          {fields.map(({ key, name }) => (
            <Space key={key} align="start" style={{ display: 'flex' }}>
              <Form.Item name={[name, 'name']} style={{ marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
                <Input placeholder="姓名" aria-label="家庭成员姓名" style={{ width: 140 }} maxLength={30} />
              </Form.Item>
              <Form.Item name={[name, 'relation']} style={{ marginBottom: 8 }}>
                <Input placeholder="关系，如 配偶" aria-label="关系" style={{ width: 130 }} maxLength={10} />
              </Form.Item>
              <Form.Item name={[name, 'workUnit']} style={{ marginBottom: 8 }}>
                <Input placeholder="工作单位" aria-label="工作单位" style={{ width: 360 }} maxLength={100} />
              </Form.Item>
              <Tooltip title="删除这一行">
                <Button icon={<DeleteOutlined />} aria-label="删除家庭成员" onClick={() => remove(name)} />
              </Tooltip>
            </Space>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={fields.length >= 20}
            onClick={() => add({ name: '', relation: '', workUnit: '' })}
          >
            添加家庭成员
          </Button>
        </div>
      )}
    </Form.List>
  );
}

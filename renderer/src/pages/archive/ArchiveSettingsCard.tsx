import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, InputNumber, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { ArchiveConfig } from '../../../../shared/contract';
import {
  ARCHIVE_CODE_STYLES,
  ARCHIVE_CODE_STYLE_LABELS,
  ARCHIVE_SCHEMES,
  ARCHIVE_SCHEME_LABELS,
  RETENTION_CODES,
  RETENTION_LABELS,
  SPINE_WIDTHS,
} from '../../../../shared/domain/archive-labels';
import { api, errorMessage } from '../../api';
import { useChannel } from '../../api/use-channel';
import { useAppState } from '../../state/app-state';

/** 设置 → 归档: classification scheme, 档号 standard, retention and 机构(问题) per item kind, stamp offset, boxes. */
export function ArchiveSettingsCard() {
  const cfg = useChannel('archive.config', {});
  const kinds = useChannel('archive.kinds', {});
  const { settings } = useAppState();
  const [form] = Form.useForm<ArchiveConfig>();
  const [saving, setSaving] = useState(false);
  const { message } = App.useApp();
  useEffect(() => {
    if (cfg.data) form.setFieldsValue(cfg.data);
  }, [cfg.data, form]);
  const orgOptions = settings.orgCodes.map((o) => ({ value: o.code, label: `${o.code} ${o.name}` }));
  const save = async () => {
    setSaving(true);
    try {
      const v = form.getFieldsValue(true) as ArchiveConfig;
      // A cleared choice means "the kind's default": left out, not stored as empty.
      const set = <T,>(r: Record<string, T | undefined | null>) => Object.fromEntries(Object.entries(r ?? {}).filter(([, x]) => x != null && x !== '')) as Record<string, T>;
      cfg.set(await api.call('archive.updateConfig', { ...v, retentionByKind: set(v.retentionByKind), orgByKind: set(v.orgByKind) }));
      message.success('已保存归档设置');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card
      title="归档"
      size="small"
      data-testid="archive-settings"
      extra={
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
          保存
        </Button>
      }
    >
      <Form form={form} layout="vertical">
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: '0 12px' }}>
          <Form.Item name="scheme" label="分类方案">
            <Select options={ARCHIVE_SCHEMES.map((s) => ({ value: s, label: ARCHIVE_SCHEME_LABELS[s] }))} />
          </Form.Item>
          <Form.Item name="codeStyle" label="档号格式">
            <Select options={ARCHIVE_CODE_STYLES.map((s) => ({ value: s, label: ARCHIVE_CODE_STYLE_LABELS[s] }))} />
          </Form.Item>
          <Form.Item name="categoryCode" label="档案门类代码">
            <Input maxLength={2} placeholder="WS" />
          </Form.Item>
          <Form.Item name="spineMm" label="档案盒厚度（盒脊宽，mm）">
            <Select options={SPINE_WIDTHS.map((w) => ({ value: w, label: `${w} mm` }))} />
          </Form.Item>
          <Form.Item name="boxBy" label="装盒方式">
            <Select options={[{ value: 'count', label: '按件数' }, { value: 'pages', label: '按页数（厚度）' }]} />
          </Form.Item>
          <Form.Item name="boxLimit" label="每盒最多（件或页）">
            <InputNumber min={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="stampOffsetXmm" label="归档章左右偏移（mm，右为正）">
            <InputNumber min={-80} max={80} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="stampOffsetYmm" label="归档章距页面上边（mm）">
            <InputNumber min={0} max={250} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="organizer" label="整理人">
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="checker" label="检查人">
            <Input maxLength={30} />
          </Form.Item>
        </div>
        <Table
          size="small"
          pagination={false}
          rowKey="id"
          dataSource={kinds.data ?? []}
          columns={[
            { title: '来源', dataIndex: 'source', width: 100 },
            { title: '文件', dataIndex: 'label' },
            {
              title: '保管期限',
              width: 150,
              render: (_: unknown, k) => (
                <Form.Item name={['retentionByKind', k.id]} noStyle>
                  <Select size="small" style={{ width: 130 }} placeholder={RETENTION_LABELS[k.defaultRetention]} allowClear options={RETENTION_CODES.map((r) => ({ value: r, label: RETENTION_LABELS[r] }))} />
                </Form.Item>
              ),
            },
            {
              title: '机构（问题）',
              width: 170,
              render: (_: unknown, k) => (
                <Form.Item name={['orgByKind', k.id]} noStyle>
                  <Select size="small" style={{ width: 150 }} placeholder={k.defaultOrgCode ?? '（无）'} allowClear options={orgOptions} />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Card>
  );
}

import { Switch, Typography } from 'antd';
import type { ProposalImportPreview } from '../../../../../shared/contract';
import { MappingTable } from '../../../components/import/MappingTable';

interface Props {
  preview: ProposalImportPreview;
  replay: boolean;
  busy: boolean;
  onField: (header: string, field: string | null) => void;
  onReplay: (on: boolean) => void;
}

const SOURCE_TEXT: Record<ProposalImportPreview['mappingSource'], string> = {
  detected: '列对应按表头自动识别，请核对；改动后会立即重新检查。',
  remembered: '这种表头以前导入过，已沿用上次核对后的列对应。',
  chosen: '列对应已按您的选择调整。',
};

/**
 * 核对表头与列对应: each column of the sheet with the field it goes to. A correction is sent at once and the
 * preview recomputed; after a successful import the corrected mapping is remembered for this header layout.
 */
export function MappingStep({ preview, replay, busy, onField, onReplay }: Props) {
  return (
    <MappingTable
      preview={preview}
      busy={busy}
      onField={onField}
      selectWidth={210}
      intro={SOURCE_TEXT[preview.mappingSource]}
      extra={
        <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 12 }}>
          <Switch checked={replay} onChange={onReplay} disabled={busy} aria-label="按结果列补记办理过程" />
          <Typography.Text>按表中的审查意见、答复类别、答复日期、满意度等列补记立案、交办、答复、反馈</Typography.Text>
        </div>
      }
    />
  );
}

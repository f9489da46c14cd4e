import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Typography } from 'antd';
import { useState } from 'react';
import type { ImportIssue, ImportPreview, ImportResult } from '../../../../../shared/contract';
import { unitPlanLines } from '../../../../../shared/domain/unit-name';
import { api, errorMessage } from '../../../api';
import { usePiiExport } from '../../../components/pii/use-pii-export';
import { saveFile } from '../../../api/platform';

/** Conflicts shown in the summary before 「全部问题」 takes over. */
const SHOWN_CONFLICTS = 5;

const where = (i: ImportIssue, multi: boolean) => `${multi ? `「${i.sheet}」` : ''}第 ${i.row} 行${i.header ? ` ${i.column} 列「${i.header}」` : ''}`;

/**
 * The 分工会 / 工会小组 the file names: those to create (with the choice to leave them unset) and the near
 * spellings matched. On the result page (`done`) it says what was created.
 */
export function UnitsPanel({ preview, done, onCreate }: { preview: ImportPreview; done?: boolean; onCreate?: (create: boolean) => void }) {
  const u = preview.units;
  const lines = unitPlanLines(u, done);
  if (!lines.length && !(onCreate && !u.create)) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid="import-units"
      title={
        <div>
          {lines.map((l) => (
            <div key={l}>{l}</div>
          ))}
          {onCreate && (u.toCreate.length > 0 || !u.create) && (
            <Checkbox checked={u.create} onChange={(e) => onCreate(e.target.checked)} data-testid="import-create-units">
              导入时新建文件中缺少的分工会、工会小组（不勾选：这些会员暂不设小组）
            </Checkbox>
          )}
        </div>
      }
    />
  );
}

/**
 * The warnings at a glance: the real conflicts (a value changed or left out, the ID against the sheet) first
 * with their own count, then the benign notes as one line per column and value.
 */
export function WarningsPanel({ preview }: { preview: ImportPreview }) {
  const s = preview.warningSummary;
  const multi = preview.chosenSheets.length > 1;
  const conflicts = preview.warnings.filter((w) => !w.benign);
  const notes = s.notes.reduce((n, x) => n + x.count, 0);
  if (!s.conflicts && !notes) return null;
  return (
    <div style={{ marginBottom: 8 }} data-testid="import-warnings">
      {s.conflicts > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 4 }}
          data-testid="import-conflicts"
          title={`需要核对 ${s.conflicts} 条（这些行会导入，但有数据被改动或未导入）`}
          description={
            <div>
              {conflicts.slice(0, SHOWN_CONFLICTS).map((w) => (
                <div key={`${w.sheet}${w.row}${w.column}${w.message}`}>
                  {where(w, multi)}：{w.message}
                </div>
              ))}
              {s.conflicts > SHOWN_CONFLICTS && <Typography.Text type="secondary">另有 {s.conflicts - SHOWN_CONFLICTS} 条，见下方「全部问题」</Typography.Text>}
            </div>
          }
        />
      )}
      {notes > 0 && (
        <Typography.Paragraph
          type="secondary"
          style={{ margin: 0, fontSize: 12 }}
          ellipsis={{ rows: 1, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开') }}
          data-testid="import-note-groups"
        >
          已自动规范 {notes} 处：{s.notes.map((n) => `${n.message}：${n.count} 行`).join('；')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

/** 下载问题行: the skipped and warned rows as .xlsx (the file's columns, 行号, 问题) to fix and import again. */
export function IssuesDownload({ result, batchId, rows, size }: { result?: ImportResult; batchId?: number; rows: number; size?: 'small' }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const pii = usePiiExport();
  if (!rows) return null;
  const run = async () => {
    setBusy(true);
    try {
      const id = batchId ?? result?.batchId ?? null;
      // A batch's rows hold the file's ID numbers: the same question as every export of them (#16).
      const ask = result?.issuesFile ? {} : await pii.ask('导入问题行');
      if (!ask) return;
      const ref = result?.issuesFile ?? (id !== null ? await api.call('members.importIssuesFile', { batchId: id, ...ask }) : null);
      if (ref && (await saveFile(ref))) message.success(`已保存问题行（${ref.fileName}）：改好后可直接再导入`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
    {pii.modal}
    <Button icon={<DownloadOutlined />} size={size} loading={busy} onClick={() => void run()} data-testid="import-issues-download">
      下载问题行（{rows} 行）
    </Button>
    </>
  );
}

import { MEMBER_TOTAL_LABELS } from '../../../../shared/domain/member-lifecycle';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { AppInfo } from '../../../../shared/contract';
import { api } from '../../api';
import { reportError } from '../../components/error-store';
import { MemberStatsPanel } from '../../components/members/MemberStatsPanel';
import { OverdueProposalsCard } from '../proposals/OverdueProposalsCard';
import { OverdueOpinionsCard } from '../disclosures/OverdueOpinionsCard';
import { BirthdaysCard } from '../care/BirthdaysCard';
import { PlansHomeCard } from '../plans/PlansHomeCard';
import { formatDateTime } from '../../format';
import { useAppState } from '../../state/app-state';

/**
 * Labels of app.info counts. Each record area adds its table to COUNTED_TABLES in the core and its label
 * here; a count without a label (e.g. the settings rows) is an internal figure and not shown.
 */
export const COUNT_LABELS: Record<string, string> = {
  members: MEMBER_TOTAL_LABELS.all,
  proposals: '提案',
  disclosures: '公开事项',
  opinions: '公开意见',
  careRecords: '关怀记录',
  archiveItems: '归档文件',
  auditLog: '修改记录',
  backups: '备份',
};

export function HomePage() {
  const { info: loadedInfo, settings, revision } = useAppState();
  // Counts change while the clerk works elsewhere, so the home page asks afresh each time it opens.
  const [fresh, setFresh] = useState<AppInfo | null>(null);
  const [lastBackup, setLastBackup] = useState<string | null | undefined>(undefined);
  const info = fresh ?? loadedInfo;

  useEffect(() => {
    let live = true;
    Promise.all([api.call('app.info', {}), api.call('backup.list', {})])
      .then(([i, list]) => {
        if (!live) return;
        setFresh(i);
        setLastBackup(list[0]?.createdAt ?? null);
      })
      .catch(reportError);
    return () => {
      live = false;
    };
  }, [revision]);

  const counts = Object.entries(COUNT_LABELS).filter(([k]) => info?.counts[k] !== undefined);
  return (
    <>
      {!settings.unitName && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="还没有填写单位信息"
          description={
            <>
              请先到 <Link to="/settings">设置</Link> 填写单位名称、单位类型、工会名称和全宗号，打印的表格和归档目录会用到它们。
            </>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        {counts.map(([key, label]) => {
          const card = (
            <Card hoverable={key === 'auditLog'}>
              <Statistic title={label} value={info?.counts[key] ?? 0} data-testid={`count-${key}`} />
            </Card>
          );
          return (
            <Col key={key} xs={12} md={8} xl={6}>
              {/* The change-log count opens the log itself (#16). */}
              {key === 'auditLog' ? <Link to="/audit" data-testid="open-audit-log">{card}</Link> : card}
            </Col>
          );
        })}
        <Col xs={24} md={16} xl={12}>
          <Card>
            <Statistic
              title="最近一次备份"
              value={lastBackup === undefined ? '…' : lastBackup ? formatDateTime(lastBackup) : '还没有备份'}
              data-testid="last-backup"
            />
          </Card>
        </Col>
      </Row>
      <PlansHomeCard revision={revision} />
      <OverdueOpinionsCard revision={revision} />
      <OverdueProposalsCard revision={revision} />
      <BirthdaysCard revision={revision} />
      <MemberStatsPanel revision={revision} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        程序版本 {info?.appVersion}，数据库结构版本 {info?.schemaVersion}。备份与恢复在「设置」中。
      </Typography.Paragraph>
    </>
  );
}

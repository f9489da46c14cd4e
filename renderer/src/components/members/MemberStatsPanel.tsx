import { naturalCompare } from '../../../../shared/domain/natural-order';
import { Card, Col, Empty, Row, Statistic, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { MemberStats } from '../../../../shared/contract';
import { MEMBER_STATUSES, MEMBER_STATUS_LABELS, MEMBER_TOTAL_LABELS } from '../../../../shared/domain/member-lifecycle';
import { api } from '../../api';
import { EChart, type ChartOption } from '../charts/EChart';
import { reportError } from '../error-store';

const MALE = '#3b7dd8';
const FEMALE = '#e0607e';
const UNKNOWN = '#b8b8b8';
/** The most groups one bar chart shows legibly; the rest are summed as 其他. */
const MAX_GROUPS = 15;

function groupOption(s: MemberStats): ChartOption {
  const top = s.byGroup.slice(0, MAX_GROUPS);
  const rest = s.byGroup.slice(MAX_GROUPS).reduce((n, g) => n + g.count, 0);
  // All groups fit: in the roster's own order (第一小组, 第二小组 …, 未分组 last); too many: the largest, then 其他.
  const rows = rest
    ? [...top, { groupId: null, name: `其他 ${s.byGroup.length - MAX_GROUPS} 个`, count: rest }]
    : [...top].sort((a, b) => (a.groupId === null ? 1 : 0) - (b.groupId === null ? 1 : 0) || naturalCompare(a.name, b.name));
  // First row at the top of a horizontal bar chart: echarts draws the first category at the bottom.
  const ordered = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: ordered.map((g) => g.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [{ type: 'bar', name: '会员', data: ordered.map((g) => g.count), itemStyle: { color: '#c62f2f' }, label: { show: true, position: 'right' }, barMaxWidth: 22 }],
  };
}

function ageOption(s: MemberStats): ChartOption {
  const bands = s.ageBands.filter((b) => b.band !== '出生日期不详' || b.male + b.female + b.unknown > 0);
  const hasUnknown = bands.some((b) => b.unknown > 0);
  const series = [
    { type: 'bar' as const, name: '男', stack: 'sex', data: bands.map((b) => b.male), itemStyle: { color: MALE }, barMaxWidth: 48 },
    { type: 'bar' as const, name: '女', stack: 'sex', data: bands.map((b) => b.female), itemStyle: { color: FEMALE }, barMaxWidth: 48 },
    ...(hasUnknown
      ? [{ type: 'bar' as const, name: '性别不详', stack: 'sex', data: bands.map((b) => b.unknown), itemStyle: { color: UNKNOWN }, barMaxWidth: 48 }]
      : []),
  ];
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    // Every band labelled: skipping every other one (echarts' default when crowded) hides half the axis.
    xAxis: { type: 'category', data: bands.map((b) => b.band), axisLabel: { interval: 0, fontSize: 11, hideOverlap: false } },
    yAxis: { type: 'value', minInterval: 1 },
    series,
  };
}

/** 首页 figures of the member files: counts by status, members per group, age bands by sex. */
export function MemberStatsPanel({ revision }: { revision: number }) {
  const [stats, setStats] = useState<MemberStats | null>(null);

  useEffect(() => {
    let live = true;
    api
      .call('members.stats', {})
      .then((s) => live && setStats(s))
      .catch(reportError);
    return () => {
      live = false;
    };
  }, [revision]);

  const groups = useMemo(() => (stats ? groupOption(stats) : null), [stats]);
  const ages = useMemo(() => (stats ? ageOption(stats) : null), [stats]);
  const groupHeight = Math.max(200, Math.min(MAX_GROUPS + 1, stats?.byGroup.length ?? 0) * 30 + 40);

  return (
    <div data-testid="member-stats" style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 8 }}>
        会员概况 <Link to="/members" style={{ fontSize: 14, fontWeight: 'normal', marginLeft: 8 }}>打开会员名册</Link>
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {MEMBER_STATUSES.map((s) => (
          <Col key={s} xs={12} md={6} xl={3}>
            <Card size="small">
              <Statistic title={MEMBER_STATUS_LABELS[s]} value={stats?.byStatus[s] ?? '…'} data-testid={`stat-${s}`} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic
              title="无证件号"
              value={stats?.noId ?? '…'}
              data-testid="stat-noId"
              styles={{ content: stats?.noId ? { color: '#d48806' } : undefined }}
            />
          </Card>
        </Col>
        <Col xs={12} md={6} xl={3}>
          <Card size="small">
            <Statistic title={<Tooltip title={MEMBER_TOTAL_LABELS.currentNote}>{MEMBER_TOTAL_LABELS.current}</Tooltip>} value={stats?.total ?? '…'} data-testid="stat-total" />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title="各工会小组人数（在册和保留会籍）">
            {stats && !stats.byGroup.length ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有会员" />
            ) : (
              groups && <EChart option={groups} height={groupHeight} label="各工会小组的会员人数" testId="chart-groups" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="年龄段与性别（在册和保留会籍）">
            {stats && !stats.total ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有会员" />
            ) : (
              ages && <EChart option={ages} height={300} label="各年龄段男女会员人数" testId="chart-ages" />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}

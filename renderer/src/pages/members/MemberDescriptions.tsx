import { Card, Descriptions, Table, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { MemberDetail } from '../../../../shared/contract';
import { ageOn } from '../../../../shared/domain/dates';
import { checkResidentId } from '../../../../shared/domain/id-number';
import { ID_TYPE_LABELS } from '../../../../shared/domain/member-labels';
import { formatDateTime } from '../../format';
import { StatusTag } from '../../components/members/StatusTag';
import { memberLabel } from '../../../../shared/domain/member-fields';

const v = (x: string | number | null | undefined): ReactNode =>
  x == null || x === '' ? <Typography.Text type="secondary">—</Typography.Text> : x;

type Items = NonNullable<DescriptionsProps['items']>;

function Section({ title, items, testId }: { title: string; items: Items; testId: string }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }} data-testid={testId}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} styles={{ label: { width: 104, whiteSpace: 'nowrap' } }} />
    </Card>
  );
}

/** What the full ID number says about the person, shown beside it on the detail page. */
export function derivedFromId(m: Pick<MemberDetail, 'idType' | 'idNumber'>, today = new Date()): string | null {
  if (m.idType !== 'resident' || !m.idNumber) return null;
  const r = checkResidentId(m.idNumber, today);
  if (!r.ok) return null;
  return `${r.birthDate} · ${r.sex} · ${ageOn(r.birthDate, today)} 岁`;
}

const textBlock = (s: string | null | undefined) =>
  s ? <div style={{ whiteSpace: 'pre-wrap' }}>{s}</div> : <Typography.Text type="secondary">（未填写）</Typography.Text>;

/** Every field of the member, grouped like the paper 工会会员登记表. */
export function MemberDescriptions({ m }: { m: MemberDetail }) {
  const derived = derivedFromId(m);
  const wage = m.monthlyWage == null ? null : `${m.monthlyWage.toFixed(2)} 元`;
  return (
    <>
      <Section
        title="基本信息"
        testId="section-basic"
        items={[
          { key: 'name', label: memberLabel('name'), children: m.name },
          { key: 'gender', label: memberLabel('gender'), children: v(m.gender) },
          { key: 'birthDate', label: memberLabel('birthDate'), children: v(m.birthDate) },
          { key: 'age', label: '年龄', children: m.age == null ? v(null) : `${m.age} 岁` },
          { key: 'ethnicity', label: memberLabel('ethnicity'), children: v(m.ethnicity) },
          { key: 'nativePlace', label: memberLabel('nativePlace'), children: v(m.nativePlace) },
          { key: 'politicalStatus', label: memberLabel('politicalStatus'), children: v(m.politicalStatus) },
          { key: 'education', label: memberLabel('education'), children: v(m.education) },
          { key: 'degree', label: memberLabel('degree'), children: v(m.degree) },
        ]}
      />
      <Section
        title="证件与联系方式"
        testId="section-id"
        items={[
          { key: 'idType', label: memberLabel('idType'), children: ID_TYPE_LABELS[m.idType ?? 'resident'] },
          {
            key: 'idNumber',
            label: memberLabel('idNumber'),
            span: 2,
            children: m.idNumber ? (
              <span data-testid="detail-id-number" style={{ fontVariantNumeric: 'tabular-nums', letterSpacing: 0.5 }}>
                {m.idNumber}
              </span>
            ) : (
              <Typography.Text type="warning">无证件号</Typography.Text>
            ),
          },
          ...(derived
            ? [{ key: 'derived', label: '由证件号得出', span: 3, children: <span data-testid="detail-derived">{derived}</span> }]
            : []),
          { key: 'phone', label: memberLabel('phone'), children: v(m.phone) },
          { key: 'householdType', label: memberLabel('householdType'), children: v(m.householdType) },
          { key: 'householdPlace', label: memberLabel('householdPlace'), children: v(m.householdPlace) },
        ]}
      />
      <Section
        title="工作信息"
        testId="section-work"
        items={[
          { key: 'workUnit', label: memberLabel('workUnit'), children: v(m.workUnit) },
          { key: 'department', label: memberLabel('department'), children: v(m.department) },
          { key: 'staffNo', label: memberLabel('staffNo'), children: v(m.staffNo) },
          { key: 'jobTitle', label: memberLabel('jobTitle'), children: <span data-testid="detail-job-title">{v(m.jobTitle)}</span> },
          { key: 'professionalTitle', label: memberLabel('professionalTitle'), children: v(m.professionalTitle) },
          { key: 'employmentStatus', label: memberLabel('employmentStatus'), children: v(m.employmentStatus) },
          { key: 'monthlyWage', label: memberLabel('monthlyWage'), children: v(wage) },
          { key: 'migrant', label: memberLabel('isMigrantWorker'), children: m.isMigrantWorker == null ? v(null) : m.isMigrantWorker ? '是' : '否' },
        ]}
      />
      <Section
        title="会籍信息"
        testId="section-membership"
        items={[
          { key: 'memberNo', label: memberLabel('memberNo'), children: v(m.memberNo) },
          { key: 'group', label: memberLabel('group'), children: v(m.group) },
          { key: 'joinDate', label: memberLabel('joinDate'), children: v(m.joinDate) },
          { key: 'status', label: '当前状态', children: <StatusTag status={m.status} /> },
          { key: 'createdAt', label: '登记于', children: formatDateTime(m.createdAt) },
          { key: 'updatedAt', label: '最后修改', children: formatDateTime(m.updatedAt) },
        ]}
      />
      <Card size="small" title="家庭主要成员" style={{ marginBottom: 16 }} data-testid="section-family">
        {m.familyMembers.length ? (
          <Table
            size="small"
            pagination={false}
            dataSource={m.familyMembers.map((f, i) => ({ ...f, key: i }))}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 140 },
              { title: '关系', dataIndex: 'relation', width: 100 },
              { title: '工作单位', dataIndex: 'workUnit' },
            ]}
          />
        ) : (
          <Typography.Text type="secondary">（未填写）</Typography.Text>
        )}
      </Card>
      <Card size="small" title="工作简历" style={{ marginBottom: 16 }} data-testid="section-history">
        {textBlock(m.workHistory)}
      </Card>
      <Card size="small" title="备注" style={{ marginBottom: 16 }} data-testid="section-remarks">
        {textBlock(m.remarks)}
      </Card>
    </>
  );
}

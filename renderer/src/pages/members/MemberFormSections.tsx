import { AutoComplete, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import {
  DEGREES,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  ETHNIC_GROUPS,
  HOUSEHOLD_TYPES,
  POLITICAL_STATUSES,
} from '../../../../shared/domain/member-labels';
import { GroupTreeSelect } from '../../components/members/GroupTreeSelect';
import type { GroupTreeNode } from '../../components/members/use-group-tree';
import { FamilyList } from './FamilyList';
import { IdNumberField } from './IdNumberField';
import type { IdCheckState } from './use-id-check';
import { memberLabel } from '../../../../shared/domain/member-fields';

/**
 * A value list the clerk can also type past: offices differ (a local 人员类别, an unusual 学历), so the list
 * suggests and never refuses.
 */
function ListInput({ list, placeholder, id, value, onChange }: { list: readonly string[]; placeholder?: string; id?: string; value?: string | null; onChange?: (v: string) => void }) {
  return (
    <AutoComplete
      id={id}
      value={value ?? undefined}
      onChange={onChange}
      options={list.map((v) => ({ value: v }))}
      showSearch={{ filterOption: (input, option) => !input || String(option?.value ?? '').includes(input.trim()) }}
      placeholder={placeholder ?? '选择或填写'}
      allowClear
      popupMatchSelectWidth={false}
    />
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }} data-testid={testId}>
      <Row gutter={16}>{children}</Row>
    </Card>
  );
}

const third = { xs: 24, md: 12, xl: 8 } as const;
const notFuture = (d: dayjs.Dayjs) => d.isAfter(dayjs(), 'day');

interface Props {
  isNew: boolean;
  tree: GroupTreeNode[];
  idCheck: IdCheckState;
  idNumber: string;
  /** A valid resident ID decides 出生日期 and 性别: the fields show them and are not typed. */
  derivedFromId: boolean;
  arrivalType: 'join' | 'transfer_in' | undefined;
  onOpenMember: (id: number) => void;
}

/** The member form's fields, grouped like the paper 工会会员登记表. */
export function MemberFormSections({ isNew, tree, idCheck, idNumber, derivedFromId, arrivalType, onOpenMember }: Props) {
  const fromId = derivedFromId ? '由身份证号得出' : undefined;
  return (
    <>
      <Section title="基本信息" testId="form-basic">
        <Col {...third}>
          <Form.Item name="name" label={memberLabel('name')} rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={30} placeholder="与身份证一致" autoFocus={isNew} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="gender" label={memberLabel('gender')} extra={fromId}>
            <Radio.Group disabled={derivedFromId} options={['男', '女']} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="birthDate" label={memberLabel('birthDate')} extra={fromId}>
            <DatePicker style={{ width: '100%' }} disabled={derivedFromId} disabledDate={notFuture} placeholder="选择日期" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="ethnicity" label={memberLabel('ethnicity')}>
            <ListInput list={ETHNIC_GROUPS} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="nativePlace" label={memberLabel('nativePlace')}>
            <Input maxLength={50} placeholder="如：河北保定" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="politicalStatus" label={memberLabel('politicalStatus')}>
            <ListInput list={POLITICAL_STATUSES} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="education" label={memberLabel('education')}>
            <ListInput list={EDUCATION_LEVELS} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="degree" label={memberLabel('degree')}>
            <ListInput list={DEGREES} />
          </Form.Item>
        </Col>
      </Section>

      <Section title="证件与联系方式" testId="form-id">
        <IdNumberField state={idCheck} current={idNumber} onOpenMember={onOpenMember} />
        <Col {...third}>
          <Form.Item name="phone" label={memberLabel('phone')}>
            <Input maxLength={20} placeholder="如：13800138000" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="householdType" label={memberLabel('householdType')}>
            <ListInput list={HOUSEHOLD_TYPES} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="householdPlace" label={memberLabel('householdPlace')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Section>

      <Section title="工作信息" testId="form-work">
        <Col {...third}>
          <Form.Item name="workUnit" label={memberLabel('workUnit')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="department" label={memberLabel('department')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="staffNo" label={memberLabel('staffNo')}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="jobTitle" label={memberLabel('jobTitle')}>
            <Input maxLength={50} placeholder="如：教研组长" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="professionalTitle" label={memberLabel('professionalTitle')}>
            <Input maxLength={50} placeholder="如：中学一级教师" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="employmentStatus" label={memberLabel('employmentStatus')}>
            <ListInput list={EMPLOYMENT_STATUSES} placeholder="就业状况，选择或填写" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="monthlyWage" label={memberLabel('monthlyWage')} tooltip="计算会费用（月工资的 0.5%）">
            <InputNumber<number> min={0} max={10_000_000} precision={2} step={100} style={{ width: '100%' }} suffix="元" placeholder="元" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="isMigrantWorker" label={memberLabel('isMigrantWorker')}>
            <Radio.Group
              options={[
                { value: true, label: '是' },
                { value: false, label: '否' },
              ]}
            />
          </Form.Item>
        </Col>
      </Section>

      <Section title="会籍信息" testId="form-membership">
        <Col {...third}>
          <Form.Item name="memberNo" label={memberLabel('memberNo')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="groupId" label={memberLabel('group')}>
            <GroupTreeSelect tree={tree} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="joinDate"
            label={memberLabel('joinDate')}
            tooltip={isNew ? '基层工会批准入会的日期；选「入会」时记为会籍变动中的入会日期' : '首次加入工会的日期'}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={notFuture} placeholder="选择日期" />
          </Form.Item>
        </Col>
        {isNew && (
          <>
            <Col {...third}>
              <Form.Item name="arrivalType" label="来源">
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'join', label: '入会' },
                    { value: 'transfer_in', label: '转入' },
                  ]}
                />
              </Form.Item>
            </Col>
            {arrivalType === 'transfer_in' && (
              <>
                <Col {...third}>
                  <Form.Item name="arrivalDate" label="转入日期" rules={[{ required: true, message: '请选择转入日期' }]}>
                    <DatePicker style={{ width: '100%' }} disabledDate={notFuture} placeholder="选择日期" />
                  </Form.Item>
                </Col>
                <Col {...third}>
                  <Form.Item
                    name="arrivalOtherUnion"
                    label="原工会"
                    rules={[{ required: true, whitespace: true, message: '请填写从哪个工会转入' }]}
                  >
                    <Input maxLength={100} placeholder="如：某区教育工会" />
                  </Form.Item>
                </Col>
              </>
            )}
          </>
        )}
      </Section>

      <Card size="small" title="家庭主要成员" style={{ marginBottom: 16 }} data-testid="form-family">
        <FamilyList />
      </Card>
      <Section title="工作简历与备注" testId="form-history">
        <Col xs={24} xl={12}>
          <Form.Item name="workHistory" label={memberLabel('workHistory')}>
            <Input.TextArea maxLength={4000} autoSize={{ minRows: 4, maxRows: 12 }} placeholder="如：2008.09—至今　某某中学　语文教师" />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <Form.Item name="remarks" label={memberLabel('remarks')}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 4, maxRows: 12 }} />
          </Form.Item>
        </Col>
      </Section>
    </>
  );
}

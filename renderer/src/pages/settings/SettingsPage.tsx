import { Col, Row } from 'antd';
import { ArchiveSettingsCard } from '../archive/ArchiveSettingsCard';
import { CareOccasionsCard } from '../care/CareOccasionsCard';
import { DuesSettingsCard } from '../dues/DuesSettingsCard';
import { OperatorsCard } from '../operators/OperatorsCard';
import { PlanKindsCard } from '../plans/PlanKindsCard';
import { AuditCard } from './AuditCard';
import { BackupCard } from './BackupCard';
import { DataCard } from './DataCard';
import { PiiCard } from './PiiCard';
import { UnitSettingsForm } from './UnitSettingsForm';

export function SettingsPage() {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xxl={14}>
        <UnitSettingsForm />
      </Col>
      <Col xs={24} xxl={10}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <DataCard />
          </Col>
          <Col span={24}>
            <AuditCard />
          </Col>
        </Row>
      </Col>
      <Col span={24}>
        <OperatorsCard />
      </Col>
      <Col span={24}>
        <PiiCard />
      </Col>
      <Col span={24}>
        <BackupCard />
      </Col>
      <Col span={24}>
        <ArchiveSettingsCard />
      </Col>
      <Col span={24}>
        <CareOccasionsCard />
      </Col>
      <Col span={24}>
        <DuesSettingsCard />
      </Col>
      <Col span={24}>
        <PlanKindsCard />
      </Col>
    </Row>
  );
}

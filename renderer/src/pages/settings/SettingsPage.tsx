import { Col, Row } from 'antd';
import { AuditCard } from './AuditCard';
import { BackupCard } from './BackupCard';
import { DataCard } from './DataCard';
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
        <BackupCard />
      </Col>
    </Row>
  );
}

import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GridExportCard } from './grid-export-card.tsx';
import { GridImportCard } from './grid-import-card.tsx';

/** 网格导入导出: grids in and out as GeoJSON. */
export function GridIoPage() {
  const { t } = useTranslation();
  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('nav.gridIo')}</Typography.Title>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <GridImportCard />
        </Col>
        <Col xs={24} xl={10}>
          <GridExportCard />
        </Col>
      </Row>
    </div>
  );
}

import { FullscreenOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Select, Space, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { chinaDate } from '../../../shared/china-time.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { EventDrawer } from '../events/event-drawer.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useDepartments } from '../events/use-departments.ts';
import { useApi } from '../use-api.ts';
import { commandCharts } from './command-charts.ts';
import { CommandPanels } from './command-panels.tsx';
import { FigureCases, type FigureScope } from './figure-cases.tsx';
import { useAreaOptions } from './use-area-options.ts';

/**
 * 指挥中心: this month's headline figures, intake by source, open cases by stage, warnings by colour, the 30-day
 * trend, the items, grids and units ranked, satisfaction, base data verified lately and the map; every bar, grid
 * and point opens its cases (a base-data bar, the data-quality page at that node).
 */
export function CommandPage() {
  const { t } = useTranslation();
  const areas = useAreaOptions();
  const [area, setArea] = useState<string | undefined>(areas.first);
  const [drilled, setDrilled] = useState<FigureScope | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const period = chinaDate(new Date()).slice(0, 7);
  const { data } = useApi('/api/figures/dashboard', { params: { query: { area, period } } });
  const { can } = useAuth();
  const navigate = useNavigate();
  const openQuality = (node: { code: string; name: string }) =>
    navigate(`/quality?${new URLSearchParams({ area: node.code, name: node.name })}`);
  const charts = useMemo(() => (data ? commandCharts(data, t) : null), [data, t]);

  return (
    <div className="page">
      <div className="page-toolbar">
        <Typography.Title level={4}>{t('figures.command.title')}</Typography.Title>
        <Space wrap>
          <Select value={area} options={areas.options} onChange={setArea} style={{ minWidth: 180 }} aria-label={t('figures.area')} />
          <Typography.Text type="secondary">{period}</Typography.Text>
          <Button icon={<FullscreenOutlined />} href={`/screen${area ? `?area=${encodeURIComponent(area)}` : ''}`} target="_blank">
            {t('figures.command.bigScreen')}
          </Button>
        </Space>
      </div>
      {data && charts && (
        <Space direction="vertical" className="full-width" size="middle">
          <Row gutter={[16, 16]}>
            {(['reported', 'open', 'closed', 'overdue', 'warned'] as const).map((k) => (
              <Col key={k} xs={12} md={4}>
                <Card size="small" hoverable onClick={() => setDrilled({ area, period, fact: k, name: t(`figures.command.${k}`) })}>
                  <Statistic title={t(`figures.command.${k}`)} value={data.totals[k]} />
                </Card>
              </Col>
            ))}
            <Col xs={12} md={4}>
              <Card
                size="small"
                hoverable
                onClick={() => setDrilled({ area, period, fact: 'satisfied', name: t('figures.command.satisfaction') })}
              >
                <Statistic
                  title={t('figures.command.satisfaction')}
                  value={data.satisfaction.rate === null ? '—' : (data.satisfaction.rate * 100).toFixed(1)}
                  suffix={data.satisfaction.rate === null ? undefined : '%'}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <CommandPanels
              data={data}
              charts={charts}
              area={area}
              period={period}
              mapHeight={460}
              onDrill={setDrilled}
              onCase={setCaseId}
              onBaseData={can('registry.read') ? openQuality : undefined}
              card={(id, title, body, wide) => (
                <Col key={id} xs={24} lg={wide ? 24 : 12}>
                  <Card size="small" title={title}>
                    {body}
                  </Card>
                </Col>
              )}
            />
          </Row>
        </Space>
      )}
      <FigureCases scope={drilled} onClose={() => setDrilled(null)} />
      <EventDrawer
        id={caseId}
        itemName={catalogue.nameOf}
        unitName={departments.unitName}
        onClose={() => setCaseId(null)}
        onChanged={() => {}}
      />
    </div>
  );
}

import { ConfigProvider, Result, Statistic, theme } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { chinaDate } from '../../../shared/china-time.ts';
import { useAuth } from '../auth/auth-context.tsx';
import { EventDrawer } from '../events/event-drawer.tsx';
import { useCatalogue } from '../events/use-catalogue.ts';
import { useDepartments } from '../events/use-departments.ts';
import { useApi } from '../use-api.ts';
import { commandCharts, percent } from './command-charts.ts';
import { CommandPanels } from './command-panels.tsx';
import { FigureCases, type FigureScope } from './figure-cases.tsx';

/** How often the wall reads its figures again. */
const REFRESH_MS = 60_000;

/**
 * 大屏: the command centre for the centre's wall, 1920×1080 and dark, reading its figures again every minute
 * (`/screen?area=<code>`; the caller's first area without one). Every chart, grid and point still opens its cases.
 */
export function BigScreen() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const [params] = useSearchParams();
  const area = params.get('area') ?? me?.areas[0]?.code;
  const [refresh, setRefresh] = useState(0);
  const [now, setNow] = useState(() => new Date());
  const [drilled, setDrilled] = useState<FigureScope | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const catalogue = useCatalogue();
  const departments = useDepartments();
  const period = chinaDate(now).slice(0, 7);
  const allowed = can('figures.read');
  const { data, reload } = useApi('/api/figures/dashboard', allowed ? { params: { query: { area, period } } } : null);
  const charts = useMemo(() => (data ? commandCharts(data, t) : null), [data, t]);

  useEffect(() => {
    const tick = setInterval(() => setNow(new Date()), 1000);
    const read = setInterval(() => {
      reload();
      setRefresh((n) => n + 1);
    }, REFRESH_MS);
    return () => {
      clearInterval(tick);
      clearInterval(read);
    };
  }, [reload]);

  if (!allowed) return <Result status="403" title={t('app.noPages')} />;
  return (
    <ConfigProvider theme={{ algorithm: theme.darkAlgorithm, token: { colorPrimary: '#3c89e8' } }}>
      <div className="big-screen" data-testid="big-screen">
        <header className="big-screen-header">
          <h1>
            {data?.area.name} {t('figures.command.title')}
          </h1>
          <div className="big-screen-totals">
            {data &&
              (['reported', 'open', 'closed', 'overdue', 'warned'] as const).map((k) => (
                <Statistic key={k} title={t(`figures.command.${k}`)} value={data.totals[k]} />
              ))}
            {data && <Statistic title={t('figures.command.satisfaction')} value={percent(data.satisfaction.rate)} />}
          </div>
          <div className="big-screen-clock">
            <span>{now.toLocaleString(undefined, { hour12: false })}</span>
            <small>
              {data && t('figures.command.asOf', { time: new Date(data.asOf).toLocaleTimeString(undefined, { hour12: false }) })}
            </small>
          </div>
        </header>
        {data && charts && (
          <div className="big-screen-grid">
            <CommandPanels
              data={data}
              charts={charts}
              area={area}
              period={period}
              dark
              mapHeight={420}
              chartHeight={214}
              refresh={refresh}
              onDrill={setDrilled}
              onCase={setCaseId}
              card={(id, title, body) =>
                // The wall shows the cases' figures in its 3 × 3; base data coverage is the console dashboard's.
                id === 'baseData' ? null : (
                  <section key={id} className={`big-screen-tile tile-${id}`}>
                    <h2>{title}</h2>
                    {body}
                  </section>
                )
              }
            />
          </div>
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
    </ConfigProvider>
  );
}

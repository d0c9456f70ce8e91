import { ConfigProvider, Segmented, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { ElderMode, useElderMode } from './elder-mode.ts';
import { PublicMinePage } from './public-mine-page.tsx';
import { PublicReportPage } from './public-report-page.tsx';
import { PublicTrackPage } from './public-track-page.tsx';

/** Larger type and taller controls for elder mode: the whole page grows, not one widget. */
const ELDER_THEME = { token: { fontSize: 20, fontSizeLG: 22, controlHeight: 48, controlHeightLG: 60, lineHeight: 1.6 } };

const TABS = ['/public/report', '/public/track', '/public/mine'] as const;

/** The citizens' pages under /public/: no sign-in, no console; phone-sized. */
export function PublicPages() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [elder, setElder] = useElderMode();
  const tab = TABS.find((p) => pathname.startsWith(p)) ?? '/public/report';
  return (
    <ElderMode.Provider value={elder}>
      <ConfigProvider theme={elder ? ELDER_THEME : undefined}>
        <div className={`mobile-layout public-layout${elder ? ' elder-mode' : ''}`}>
          <header className="mobile-header">
            <span className="brand-mark mobile-brand">格治</span>
            <span className="mobile-title">{t('publicReport.brand')}</span>
            <span className="elder-switch">
              <Switch
                size="small"
                checked={elder}
                onChange={setElder}
                aria-label={t('publicReport.elderMode')}
                id="elder-switch"
                data-testid="elder-switch"
              />
              <label htmlFor="elder-switch">{t('publicReport.elderMode')}</label>
            </span>
            <LanguageSwitch />
          </header>
          <main className="mobile-content">
            <Segmented
              block
              className="public-tabs"
              value={tab}
              onChange={(path) => navigate(path)}
              options={[
                { value: '/public/report', label: t(elder ? 'publicReport.elder.toReport' : 'publicReport.toReport') },
                { value: '/public/track', label: t(elder ? 'publicReport.elder.toTrack' : 'publicReport.toTrack') },
                { value: '/public/mine', label: t('publicReport.toMine') },
              ]}
            />
            <Routes>
              <Route path="/public/report" element={<PublicReportPage />} />
              <Route path="/public/track" element={<PublicTrackPage />} />
              <Route path="/public/mine" element={<PublicMinePage />} />
              <Route path="*" element={<Navigate to="/public/report" replace />} />
            </Routes>
          </main>
        </div>
      </ConfigProvider>
    </ElderMode.Provider>
  );
}

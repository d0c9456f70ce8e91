import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../layout/language-switch.tsx';
import { PublicReportPage } from './public-report-page.tsx';
import { PublicTrackPage } from './public-track-page.tsx';

/** The citizens' pages under /public/: no sign-in, no console; phone-sized. */
export function PublicPages() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const tab = pathname.startsWith('/public/track') ? '/public/track' : '/public/report';
  return (
    <div className="mobile-layout public-layout">
      <header className="mobile-header">
        <span className="brand-mark mobile-brand">格治</span>
        <span className="mobile-title">{t('publicReport.brand')}</span>
        <LanguageSwitch />
      </header>
      <main className="mobile-content">
        <Segmented
          block
          className="public-tabs"
          value={tab}
          onChange={(path) => navigate(path)}
          options={[
            { value: '/public/report', label: t('publicReport.toReport') },
            { value: '/public/track', label: t('publicReport.toTrack') },
          ]}
        />
        <Routes>
          <Route path="/public/report" element={<PublicReportPage />} />
          <Route path="/public/track" element={<PublicTrackPage />} />
          <Route path="*" element={<Navigate to="/public/report" replace />} />
        </Routes>
      </main>
    </div>
  );
}

import { lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { MobileLayout } from '../layout/mobile-layout.tsx';
import { useOutbox } from './outbox/use-outbox.ts';
import { registerServiceWorker } from './service-worker.ts';

const FieldHome = lazy(async () => ({ default: (await import('./field-home.tsx')).FieldHome }));
const ReportPage = lazy(async () => ({ default: (await import('../report/report-page.tsx')).ReportPage }));
const MyCases = lazy(async () => ({ default: (await import('./my-cases.tsx')).MyCases }));
const DueVisits = lazy(async () => ({ default: (await import('./due-visits.tsx')).DueVisits }));
const FieldTasks = lazy(async () => ({ default: (await import('../tasks/field-tasks.tsx')).FieldTasks }));
const FieldTask = lazy(async () => ({ default: (await import('../tasks/field-task.tsx')).FieldTask }));
const FieldPatrol = lazy(async () => ({ default: (await import('../patrols/field-patrol.tsx')).FieldPatrol }));
const FieldDeclarations = lazy(async () => ({ default: (await import('../declare/field-declarations.tsx')).FieldDeclarations }));
const FieldTraining = lazy(async () => ({ default: (await import('../training/field-training.tsx')).FieldTraining }));
const DueFollowUps = lazy(async () => ({ default: (await import('../followups/due-follow-ups.tsx')).DueFollowUps }));

/** The field app's screens under /m, each loaded when first opened, with the key of its title. */
const SCREENS = [
  { path: '', title: 'field.title', Component: FieldHome },
  { path: 'report', title: 'nav.report', Component: ReportPage },
  { path: 'cases', title: 'field.cases.title', Component: MyCases },
  { path: 'visits', title: 'field.visits.title', Component: DueVisits },
  { path: 'follow-ups', title: 'followUps.title', Component: DueFollowUps },
  { path: 'tasks', title: 'tasks.field.title', Component: FieldTasks },
  { path: 'task', title: 'tasks.field.title', Component: FieldTask },
  { path: 'patrol', title: 'patrols.field', Component: FieldPatrol },
  { path: 'declarations', title: 'declare.review.title', Component: FieldDeclarations },
  { path: 'training', title: 'training.mine', Component: FieldTraining },
];

/** The phone app (/m): the home and what a field role reaches from it, one column at 390 px; the outbox sends in the background. */
export function FieldApp() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  useOutbox(); // sends what waits on every /m screen, not only where the outbox is shown
  useEffect(registerServiceWorker, []);
  const screen = SCREENS.find((s) => pathname.replace(/\/$/, '') === `/m${s.path ? `/${s.path}` : ''}`);
  return (
    <MobileLayout title={t(screen?.title ?? 'field.title')} home={!screen?.path}>
      <Routes>
        {SCREENS.map(({ path, Component }) => (
          <Route key={path} path={`/m${path ? `/${path}` : ''}`} element={<Component />} />
        ))}
        <Route path="*" element={<Navigate to="/m" replace />} />
      </Routes>
    </MobileLayout>
  );
}

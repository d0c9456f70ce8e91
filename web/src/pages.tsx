import { AlertOutlined, ApartmentOutlined, AuditOutlined, BankOutlined, CameraOutlined, ClusterOutlined, IdcardOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Permission } from '../../shared/roles.ts';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const TerritoryPage = page(() => import('./territory/territory-page.tsx'), 'TerritoryPage');
const GridIoPage = page(() => import('./grid-io/grid-io-page.tsx'), 'GridIoPage');
const NetworksPage = page(() => import('./networks/networks-page.tsx'), 'NetworksPage');
const EventsPage = page(() => import('./events/events-page.tsx'), 'EventsPage');
const ReportPage = page(() => import('./report/report-page.tsx'), 'ReportPage');
const PeoplePage = page(() => import('./people/people-page.tsx'), 'PeoplePage');
const DepartmentsPage = page(() => import('./departments/departments-page.tsx'), 'DepartmentsPage');
const UsersPage = page(() => import('./users/users-page.tsx'), 'UsersPage');
const AuditPage = page(() => import('./audit/audit-page.tsx'), 'AuditPage');

interface PageDef {
  path: string;
  permission: Permission;
  labelKey: string;
  icon: ReactNode;
  Component: ComponentType;
  /** A phone screen: shown full-width without the console menu (the path starts with /m/). */
  mobile?: boolean;
}

/** The console's screens; the menu shows those the signed-in user's permissions allow. */
export const PAGES: PageDef[] = [
  { path: '/territory', permission: 'territory.read', labelKey: 'nav.territory', icon: <ApartmentOutlined />, Component: TerritoryPage },
  { path: '/grid-io', permission: 'territory.manage', labelKey: 'nav.gridIo', icon: <SwapOutlined />, Component: GridIoPage },
  { path: '/events', permission: 'events.read', labelKey: 'nav.events', icon: <AlertOutlined />, Component: EventsPage },
  { path: '/m/report', permission: 'events.report', labelKey: 'nav.report', icon: <CameraOutlined />, Component: ReportPage, mobile: true },
  { path: '/networks', permission: 'territory.read', labelKey: 'nav.networks', icon: <ClusterOutlined />, Component: NetworksPage },
  { path: '/people', permission: 'registry.read', labelKey: 'nav.people', icon: <IdcardOutlined />, Component: PeoplePage },
  { path: '/departments', permission: 'org.read', labelKey: 'nav.departments', icon: <BankOutlined />, Component: DepartmentsPage },
  { path: '/users', permission: 'users.manage', labelKey: 'nav.users', icon: <TeamOutlined />, Component: UsersPage },
  { path: '/audit', permission: 'audit.read', labelKey: 'nav.audit', icon: <AuditOutlined />, Component: AuditPage },
];

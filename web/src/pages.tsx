import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  BulbOutlined,
  CalculatorOutlined,
  CameraOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  CompassOutlined,
  CopyOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  FlagOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LinkOutlined,
  MessageOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
  VideoCameraOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { type ComponentType, lazy, type ReactNode } from 'react';
import type { Permission } from '../../shared/roles.ts';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const TerritoryPage = page(() => import('./territory/territory-page.tsx'), 'TerritoryPage');
const GridIoPage = page(() => import('./grid-io/grid-io-page.tsx'), 'GridIoPage');
const NetworksPage = page(() => import('./networks/networks-page.tsx'), 'NetworksPage');
const EventsPage = page(() => import('./events/events-page.tsx'), 'EventsPage');
const RepeatOrdersPage = page(() => import('./events/repeat-orders-page.tsx'), 'RepeatOrdersPage');
const CallsToLocatePage = page(() => import('./events/calls-to-locate-page.tsx'), 'CallsToLocatePage');
const SupervisionPage = page(() => import('./supervision/supervision-page.tsx'), 'SupervisionPage');
const PeoplePage = page(() => import('./people/people-page.tsx'), 'PeoplePage');
const OrgsPage = page(() => import('./orgs/orgs-page.tsx'), 'OrgsPage');
const FacilitiesPage = page(() => import('./facilities/facilities-page.tsx'), 'FacilitiesPage');
const BuildingsPage = page(() => import('./buildings/buildings-page.tsx'), 'BuildingsPage');
const GroupsPage = page(() => import('./groups/groups-page.tsx'), 'GroupsPage');
const FollowUpsPage = page(() => import('./followups/follow-ups-page.tsx'), 'FollowUpsPage');
const PlansPage = page(() => import('./followups/plans-page.tsx'), 'PlansPage');
const QualityPage = page(() => import('./quality/quality-page.tsx'), 'QualityPage');
const DepartmentsPage = page(() => import('./departments/departments-page.tsx'), 'DepartmentsPage');
const CataloguePage = page(() => import('./catalogue/catalogue-page.tsx'), 'CataloguePage');
const UsersPage = page(() => import('./users/users-page.tsx'), 'UsersPage');
const AuditPage = page(() => import('./audit/audit-page.tsx'), 'AuditPage');
const AdminChangesPage = page(() => import('./users/admin-changes-page.tsx'), 'AdminChangesPage');
const HostAccountsPage = page(() => import('./users/host-accounts-page.tsx'), 'HostAccountsPage');
const InboxPage = page(() => import('./inbox/inbox-page.tsx'), 'InboxPage');
const DisputesPage = page(() => import('./disputes/disputes-page.tsx'), 'DisputesPage');
const RoundsPage = page(() => import('./disputes/rounds-page.tsx'), 'RoundsPage');
const DisputeWarningsPage = page(() => import('./disputes/dispute-warnings-page.tsx'), 'DisputeWarningsPage');
const DisputeFiguresPage = page(() => import('./disputes/dispute-figures-page.tsx'), 'DisputeFiguresPage');
const WarningsPage = page(() => import('./warnings/warnings-page.tsx'), 'WarningsPage');
const ApiKeysPage = page(() => import('./open311/api-keys-page.tsx'), 'ApiKeysPage');
const DevicesPage = page(() => import('./alarms/devices-page.tsx'), 'DevicesPage');
const PendingPage = page(() => import('./open311/pending-page.tsx'), 'PendingPage');
const SubscriptionsPage = page(() => import('./webhooks/subscriptions-page.tsx'), 'SubscriptionsPage');
const SmsLogPage = page(() => import('./sms/sms-log-page.tsx'), 'SmsLogPage');
const FiguresPage = page(() => import('./figures/figures-page.tsx'), 'FiguresPage');
const CommandPage = page(() => import('./figures/command-page.tsx'), 'CommandPage');
const SchemesPage = page(() => import('./assessment/schemes-page.tsx'), 'SchemesPage');
const ResultsPage = page(() => import('./assessment/results-page.tsx'), 'ResultsPage');
const ExplainPage = page(() => import('./assessment/explain-page.tsx'), 'ExplainPage');
const RankingsPage = page(() => import('./assessment/rankings-page.tsx'), 'RankingsPage');
const BriefingsPage = page(() => import('./briefing/briefings-page.tsx'), 'BriefingsPage');
const RewardRulesPage = page(() => import('./rewards/rules-page.tsx'), 'RewardRulesPage');
const RewardLedgerPage = page(() => import('./rewards/ledger-page.tsx'), 'RewardLedgerPage');
const PatrolsPage = page(() => import('./patrols/patrols-page.tsx'), 'PatrolsPage');
const FieldSettingsPage = page(() => import('./settings/field-settings-page.tsx'), 'FieldSettingsPage');
const TasksPage = page(() => import('./tasks/tasks-page.tsx'), 'TasksPage');
const TrainingPage = page(() => import('./training/training-page.tsx'), 'TrainingPage');
export const MySessionsPage = page(() => import('./auth/my-sessions-page.tsx'), 'MySessionsPage');
export const ProfilePage = page(() => import('./training/profile-page.tsx'), 'ProfilePage');

/** 我的会话: every signed-in user's, reached from the account menu, so no permission and no menu entry. */
export const MY_SESSIONS_PATH = '/my-sessions';
/** 个人资料 (with my training history): every signed-in user's, reached from the account menu likewise. */
export const PROFILE_PATH = '/profile';

/** The menu's sections, in the order they are listed. */
export const SECTIONS = ['events', 'assessment', 'base', 'grid', 'admin'] as const;

interface PageDef {
  path: string;
  section: (typeof SECTIONS)[number];
  permission: Permission;
  labelKey: string;
  icon: ReactNode;
  /** None for a screen of the phone app (/m/…): listed in the menu, shown by the field shell (field/field-app.tsx). */
  Component?: ComponentType;
  /** false: reached from the header (the inbox bell), not listed in the menu. */
  menu?: false;
}

/** The console's screens; the menu shows those the signed-in user's permissions allow, by section. */
export const PAGES: PageDef[] = [
  {
    path: '/territory',
    section: 'grid',
    permission: 'territory.read',
    labelKey: 'nav.territory',
    icon: <ApartmentOutlined />,
    Component: TerritoryPage,
  },
  {
    path: '/grid-io',
    section: 'grid',
    permission: 'territory.manage',
    labelKey: 'nav.gridIo',
    icon: <SwapOutlined />,
    Component: GridIoPage,
  },
  { path: '/events', section: 'events', permission: 'events.read', labelKey: 'nav.events', icon: <AlertOutlined />, Component: EventsPage },
  {
    path: '/calls-to-locate',
    section: 'events',
    permission: 'events.report',
    labelKey: 'toLocate.title',
    icon: <EnvironmentOutlined />,
    Component: CallsToLocatePage,
  },
  {
    path: '/repeat-orders',
    section: 'events',
    permission: 'events.read',
    labelKey: 'repeatOrders.title',
    icon: <CopyOutlined />,
    Component: RepeatOrdersPage,
  },
  {
    path: '/disputes',
    section: 'events',
    permission: 'disputes.read',
    labelKey: 'disputes.nav',
    icon: <ApartmentOutlined />,
    Component: DisputesPage,
  },
  {
    path: '/disputes/rounds',
    section: 'events',
    permission: 'disputes.read',
    labelKey: 'rounds.nav',
    icon: <CheckSquareOutlined />,
    Component: RoundsPage,
  },
  {
    path: '/disputes/warnings',
    section: 'events',
    permission: 'disputes.warnings',
    labelKey: 'disputeWarnings.nav',
    icon: <AlertOutlined />,
    Component: DisputeWarningsPage,
  },
  {
    path: '/disputes/figures',
    section: 'events',
    permission: 'figures.read',
    labelKey: 'disputeFigures.nav',
    icon: <BarChartOutlined />,
    Component: DisputeFiguresPage,
  },
  {
    path: '/supervision',
    section: 'events',
    permission: 'supervision.read',
    labelKey: 'supervision.title',
    icon: <FlagOutlined />,
    Component: SupervisionPage,
  },
  {
    path: '/m/report',
    section: 'events',
    permission: 'events.report',
    labelKey: 'nav.report',
    icon: <CameraOutlined />,
  },
  {
    path: '/tasks',
    section: 'grid',
    permission: 'tasks.read',
    labelKey: 'tasks.title',
    icon: <ScheduleOutlined />,
    Component: TasksPage,
  },
  {
    path: '/patrols',
    section: 'grid',
    permission: 'patrols.read',
    labelKey: 'patrols.nav',
    icon: <CompassOutlined />,
    Component: PatrolsPage,
  },
  {
    path: '/settings/field',
    section: 'admin',
    permission: 'settings.manage',
    labelKey: 'fieldSettings.nav',
    icon: <SettingOutlined />,
    Component: FieldSettingsPage,
  },
  {
    path: '/training',
    section: 'grid',
    permission: 'training.read',
    labelKey: 'training.title',
    icon: <ReadOutlined />,
    Component: TrainingPage,
  },
  {
    path: '/networks',
    section: 'grid',
    permission: 'territory.read',
    labelKey: 'nav.networks',
    icon: <ClusterOutlined />,
    Component: NetworksPage,
  },
  {
    path: '/people',
    section: 'base',
    permission: 'registry.read',
    labelKey: 'nav.people',
    icon: <IdcardOutlined />,
    Component: PeoplePage,
  },
  { path: '/orgs', section: 'base', permission: 'registry.read', labelKey: 'orgs.title', icon: <ShopOutlined />, Component: OrgsPage },
  {
    path: '/facilities',
    section: 'base',
    permission: 'registry.read',
    labelKey: 'facilities.title',
    icon: <BulbOutlined />,
    Component: FacilitiesPage,
  },
  {
    path: '/buildings',
    section: 'base',
    permission: 'registry.read',
    labelKey: 'buildings.title',
    icon: <HomeOutlined />,
    Component: BuildingsPage,
  },
  {
    path: '/groups',
    section: 'base',
    permission: 'registry.read',
    labelKey: 'groups.title',
    icon: <SafetyOutlined />,
    Component: GroupsPage,
  },
  {
    path: '/follow-ups',
    section: 'base',
    permission: 'followups.read',
    labelKey: 'followUps.nav',
    icon: <UserSwitchOutlined />,
    Component: FollowUpsPage,
  },
  {
    path: '/follow-up-plans',
    section: 'base',
    permission: 'followups.plan',
    labelKey: 'plans.nav',
    icon: <ScheduleOutlined />,
    Component: PlansPage,
  },
  {
    path: '/quality',
    section: 'base',
    permission: 'registry.read',
    labelKey: 'quality.title',
    icon: <CheckSquareOutlined />,
    Component: QualityPage,
  },
  {
    path: '/departments',
    section: 'admin',
    permission: 'org.read',
    labelKey: 'nav.departments',
    icon: <BankOutlined />,
    Component: DepartmentsPage,
  },
  {
    path: '/catalogue',
    section: 'events',
    permission: 'catalogue.manage',
    labelKey: 'catalogue.title',
    icon: <BookOutlined />,
    Component: CataloguePage,
  },
  { path: '/users', section: 'admin', permission: 'users.manage', labelKey: 'nav.users', icon: <TeamOutlined />, Component: UsersPage },
  {
    path: '/host-accounts',
    section: 'admin',
    permission: 'users.manage',
    labelKey: 'nav.hostAccounts',
    icon: <LinkOutlined />,
    Component: HostAccountsPage,
  },
  {
    path: '/api-keys',
    section: 'admin',
    permission: 'interfaces.keys',
    labelKey: 'apiKeys.title',
    icon: <KeyOutlined />,
    Component: ApiKeysPage,
  },
  {
    path: '/webhooks',
    section: 'admin',
    permission: 'interfaces.manage',
    labelKey: 'webhooks.title',
    icon: <ApiOutlined />,
    Component: SubscriptionsPage,
  },
  {
    path: '/sms',
    section: 'admin',
    permission: 'interfaces.manage',
    labelKey: 'sms.title',
    icon: <MessageOutlined />,
    Component: SmsLogPage,
  },
  {
    path: '/open311-pending',
    section: 'events',
    permission: 'open311.place',
    labelKey: 'pending.title',
    icon: <EnvironmentOutlined />,
    Component: PendingPage,
  },
  {
    path: '/alarm-devices',
    section: 'events',
    permission: 'alarms.devices',
    labelKey: 'alarmDevices.title',
    icon: <VideoCameraOutlined />,
    Component: DevicesPage,
  },
  { path: '/audit', section: 'admin', permission: 'audit.read', labelKey: 'nav.audit', icon: <AuditOutlined />, Component: AuditPage },
  {
    path: '/admin-changes',
    section: 'admin',
    permission: 'users.approve',
    labelKey: 'nav.adminChanges',
    icon: <SafetyCertificateOutlined />,
    Component: AdminChangesPage,
  },
  {
    path: '/warnings',
    section: 'events',
    permission: 'events.warnings',
    labelKey: 'warnings.title',
    icon: <WarningOutlined />,
    Component: WarningsPage,
  },
  {
    path: '/command',
    section: 'events',
    permission: 'figures.read',
    labelKey: 'figures.command.title',
    icon: <DashboardOutlined />,
    Component: CommandPage,
  },
  {
    path: '/figures',
    section: 'events',
    permission: 'figures.read',
    labelKey: 'figures.title',
    icon: <BarChartOutlined />,
    Component: FiguresPage,
  },
  {
    path: '/briefings',
    section: 'events',
    permission: 'figures.read',
    labelKey: 'briefing.title',
    icon: <FileTextOutlined />,
    Component: BriefingsPage,
  },
  {
    path: '/assessment/schemes',
    section: 'assessment',
    permission: 'assessment.read',
    labelKey: 'assessment.nav.schemes',
    icon: <ProfileOutlined />,
    Component: SchemesPage,
  },
  {
    path: '/assessment/results',
    section: 'assessment',
    permission: 'assessment.read',
    labelKey: 'assessment.nav.results',
    icon: <CalculatorOutlined />,
    Component: ResultsPage,
  },
  {
    path: '/assessment/explain',
    section: 'assessment',
    permission: 'assessment.read',
    labelKey: 'assessment.explain.title',
    icon: <CalculatorOutlined />,
    Component: ExplainPage,
    menu: false,
  },
  {
    path: '/assessment/rankings',
    section: 'assessment',
    permission: 'assessment.read',
    labelKey: 'assessment.nav.rankings',
    icon: <TrophyOutlined />,
    Component: RankingsPage,
  },
  {
    path: '/rewards/rules',
    section: 'assessment',
    permission: 'rewards.read',
    labelKey: 'rewards.nav.rules',
    icon: <ProfileOutlined />,
    Component: RewardRulesPage,
  },
  {
    path: '/rewards/ledger',
    section: 'assessment',
    permission: 'rewards.read',
    labelKey: 'rewards.nav.ledger',
    icon: <AccountBookOutlined />,
    Component: RewardLedgerPage,
  },
  {
    path: '/inbox',
    section: 'events',
    permission: 'events.read',
    labelKey: 'inbox.title',
    icon: <BellOutlined />,
    Component: InboxPage,
    menu: false,
  },
];

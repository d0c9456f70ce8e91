import type { Method, PathOf, ReplyOf } from './paths.ts';
import type { paths } from './schema.ts';

/*
 * Names for the API's replies the console passes around, all taken from the generated schema: when a route's
 * reply changes, `npm run api:generate` changes these and tsc shows every screen that must follow.
 */

type Get<P extends PathOf<'get'>> = ReplyOf<P, 'get'>;
type Item<T extends { items: unknown[] }> = T['items'][number];
/** The query parameters of a GET route. */
export type QueryOf<P extends PathOf<'get'>> = NonNullable<paths[P]['get']['parameters']['query']>;
/** A path parameter of a route. */
type PathParamOf<P extends keyof paths, M extends 'get' | 'post'> = NonNullable<paths[P][M]>['parameters']['path'];
/** The JSON body a route takes. */
export type BodyOf<P extends PathOf<M>, M extends Method> = NonNullable<
  NonNullable<paths[P][M]>['requestBody']
>['content']['application/json'];

export type Me = Get<'/api/auth/me'>['user'];
export type AreaRef = Me['areas'][number];
export type Session = Item<Get<'/api/auth/sessions'>>;
export type User = Item<Get<'/api/access/users'>>;
export type AuditEntry = Item<Get<'/api/access/audit'>>;
export type AdminChange = Item<Get<'/api/access/admin-changes'>>;

export type AreaNode = Item<Get<'/api/territory/areas'>>;
export type AreaDetail = Get<'/api/territory/areas/{code}'>;
export type GridCollection = Get<'/api/territory/grids'>;
export type GridDetail = Get<'/api/territory/grids/{code}'>;
export type TeamMember = GridDetail['team'][number];
/** A grid's or an area's outline: GeoJSON geometry, lng/lat, as the map reads it. */
export type Outline = NonNullable<AreaDetail['geometry']>;
export type LocateResult = Get<'/api/territory/locate'>;
export type Network = Item<Get<'/api/territory/networks'>>;

export type Department = Item<Get<'/api/org/departments'>>;
export type DepartmentDetail = Get<'/api/org/departments/{code}'>;

export type Person = Item<Get<'/api/registry/people'>>;
export type PersonTags = NonNullable<Person['tags']>;
export type PersonDetail = Get<'/api/registry/people/{id}'>;
export type Residence = PersonDetail['residences'][number];
/** One change of a record: who made it, the masked view before (null when it was created) and after. */
export type RecordChange = PersonDetail['history'][number];
export type RegistryTemplate = PathParamOf<'/api/registry/templates/{template}', 'get'>['template'];
export type RegistryImportJob = Get<'/api/registry/import-jobs/{id}'>;
export type RecordPlace = Item<Get<'/api/registry/nearby'>>;
export type RecordType = RecordPlace['type'];

export type Organisation = Item<Get<'/api/registry/organisations'>>;
export type OrganisationDetail = Get<'/api/registry/organisations/{creditCode}'>;
export type Facility = Item<Get<'/api/registry/facilities'>>;
export type FacilityDetail = Get<'/api/registry/facilities/{code}'>;
export type OrgFacilityCodes = Get<'/api/registry/org-facility-codes'>;

export type StandardAddress = Item<Get<'/api/registry/addresses'>>;
export type AddressDetail = Get<'/api/registry/addresses/{code}'>;
export type Building = Item<Get<'/api/registry/buildings'>>;
export type BuildingDetail = Get<'/api/registry/buildings/{code}'>;
export type HouseRow = Item<Get<'/api/registry/houses'>>;
export type HouseDetail = Get<'/api/registry/houses/{code}'>;
export type HouseholdGroup = Item<Get<'/api/registry/household-groups'>>;
export type HouseholdGroupDetail = Get<'/api/registry/household-groups/{id}'>;

export type QualityReport = Get<'/api/registry/quality'>;
export type Figures = QualityReport['total'];
export type AnomalyKind = QueryOf<'/api/registry/quality/anomalies'>['kind'];
export type AnomalyPage = Get<'/api/registry/quality/anomalies'>;
export type AnomalyItem = Item<AnomalyPage>;

export type VisitForm = Get<'/api/fieldwork/houses/{code}/visit-form'>;
export type Visit = Item<Get<'/api/fieldwork/houses/{code}/visits'>>;
export type FollowUp = Item<Get<'/api/fieldwork/follow-ups'>>;
export type FollowUpPlan = Item<Get<'/api/fieldwork/follow-up-plans'>>;
export type HouseholdAlert = Item<Get<'/api/fieldwork/household-groups/{id}/alerts'>>;

export type CatalogueNode = Item<Get<'/api/events/catalogue'>>;
export type CatalogueAdmin = Get<'/api/catalogue'>;
export type AdminNode = Item<CatalogueAdmin>;
export type RuleChoices = CatalogueAdmin['choices'];
export type CatalogueRule = NonNullable<AdminNode['rule']>;
export type StageLimit = NonNullable<CatalogueRule['limits'][keyof CatalogueRule['limits']]>;
export type LimitUnit = keyof StageLimit;
export type CatalogueHistory = Get<'/api/catalogue/{code}/history'>;

export type EventSummary = Item<Get<'/api/events'>>;
export type EventDetail = Get<'/api/events/{id}'>;
/** The reply to a report: the case, and where it went by name. */
export type ReportReply = ReplyOf<'/api/events', 'post'>;
export type RepeatOrder = Item<Get<'/api/events/repeat-orders'>>;
export type EventAction = EventSummary['abilities'][number];
export type EventStep = EventDetail['history'][number];
export type NearbyCase = Item<Get<'/api/events/nearby'>>;
export type PhotoUploaded = ReplyOf<'/api/files/photos', 'post'>;

export type SupervisionOrder = Item<Get<'/api/supervision/orders/issued'>>;
export type QueueItem = Item<Get<'/api/supervision/queue'>>;
export type WarningRules = Get<'/api/warnings/rules'>;
export type CalendarDay = Item<Get<'/api/calendar/days'>>;
export type CalendarCoverage = Get<'/api/calendar/coverage'>;
export type CalendarYear = Get<'/api/calendar/years/{year}'>;
export type ScheduleDay = CalendarYear['days'][number];
export type DeadlineExplanation = Get<'/api/calendar/explain'>;
export type ExplainedDay = DeadlineExplanation['skipped'][number];
export type UnitTally = Get<'/api/warnings/tally'>['units'][number];

export type Notification = Item<Get<'/api/inbox'>>;
export type InboxPage = Get<'/api/inbox'>;
export type InboxCounts = Get<'/api/inbox/counts'>;

export type PublicReport = Get<'/api/public/reports/{code}'>;
export type PublicItem = Item<Get<'/api/public/catalogue'>>;

export type Open311Client = Item<Get<'/api/open311/clients'>>;
export type Open311Pending = Item<Get<'/api/open311/pending'>>;
export type CallToLocate = Item<Get<'/api/events/calls-to-locate'>>;
export type FigureIndicator = Get<'/api/figures/indicators'>['indicators'][number];
export type FigureCaseQuery = QueryOf<'/api/figures/cases'>;
export type Dashboard = Get<'/api/figures/dashboard'>;
export type GridFigures = Get<'/api/figures/map'>;
export type MapIndicator = QueryOf<'/api/figures/map'>['indicator'];
export type EventPoint = Item<Get<'/api/events/points'>>;
export type Outlines = Get<'/api/territory/outlines'>;
export type DisputeSummary = Item<Get<'/api/disputes'>>;
export type DisputeDetail = Get<'/api/disputes/{id}'>;
/** What a loop case gives the dispute turned from it. */
export type DisputeSource = Get<'/api/disputes/sources/{eventId}'>;
export type DisputeSettings = Get<'/api/disputes/settings'>;
export type ScreeningRound = Item<Get<'/api/disputes/rounds'>>;
export type RoundProgress = Get<'/api/disputes/rounds/{id}'>;
export type AssessmentScheme = Item<Get<'/api/assessment/schemes'>>;
export type SchemeItemBody = BodyOf<'/api/assessment/schemes/{area}/{kind}', 'put'>['items'][number];
export type SchemeBand = BodyOf<'/api/assessment/schemes/{area}/{kind}', 'put'>['bands'][number];
export type AssessmentRun = Get<'/api/assessment/runs/{id}'>;
export type AssessmentResult = AssessmentRun['results'][number];
export type AssessmentExplanation = Get<'/api/assessment/results/{id}'>;
export type AssessmentEvidence = Get<'/api/assessment/results/{id}/items/{key}/evidence'>;

export type RewardRule = Item<Get<'/api/rewards/rules'>>;
export type RewardSheet = Get<'/api/rewards/sheets/{id}'>;
export type RewardEntry = RewardSheet['entries'][number];
export type RewardWorkerTotal = RewardSheet['workers'][number];
export type RewardWorker = Item<Get<'/api/rewards/workers'>>;
export type Rankings = Get<'/api/assessment/rankings'>;
export type RankingRow = Rankings['rows'][number];
export type DisputeWarningSummary = Item<Get<'/api/disputes/warnings'>>;
export type DisputeWarningDetail = Get<'/api/disputes/warnings/{id}'>;
export type DisputeWarningRuleRow = Get<'/api/disputes/warning-rules'>['items'][number];
export type DisputeFigureRow = Get<'/api/disputes/figures'>['rows'][number];

export type Briefing = Get<'/api/briefings/{id}'>;
export type BriefingSummary = Item<Get<'/api/briefings'>>;
export type BriefingContent = Briefing['content'];
export type WebhookSubscription = Item<Get<'/api/webhooks/subscriptions'>>;
export type WebhookDelivery = Item<Get<'/api/webhooks/subscriptions/{id}/deliveries'>>;
export type SmsMessage = Item<Get<'/api/sms/messages'>>;
export type Task = Item<Get<'/api/tasks'>>;
export type TaskEntry = Item<Get<'/api/tasks/{id}/entries'>>;
export type TaskBody = BodyOf<'/api/tasks', 'post'>;

export type DeclarationPoint = Item<Get<'/api/tasks/{id}/points'>>;
export type PublicDeclarationPoint = Get<'/api/public/declare/{token}'>;
export type DeclarationReceipt = ReplyOf<'/api/public/declare/{token}', 'post'>;
export type Declaration = Item<Get<'/api/tasks/{id}/declarations'>>;
export type TrainingSession = Item<Get<'/api/training/sessions'>>;
export type TrainingHistory = Get<'/api/training/mine'>;
export type TrainingFigures = Get<'/api/training/figures'>;
export type TeamAccount = Item<Get<'/api/training/team'>>;
export type HostAccount = Item<Get<'/api/access/host-accounts'>>;
export type CitizenReports = Get<'/api/public/my/reports'>;
export type CitizenReport = Item<CitizenReports>;

import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

// Hand-written table types for Kysely; they mirror src/db/migrations exactly.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type DateOnly = ColumnType<string, string, string>;
type Version = ColumnType<number, number | undefined, number>;
type ReadOnly<T> = ColumnType<T, never, never>;

export type Role = 'admin' | 'manager' | 'rep';
export type DealVisibility = 'all' | 'team' | 'own';
export type StageKind = 'open' | 'won' | 'lost';
export type DealStatus = 'open' | 'won' | 'lost';
export type DealEventType =
  'created' | 'stage' | 'value' | 'currency' | 'close_date' | 'owner' | 'status';

export type WorkspacesTable = {
  id: Generated<string>;
  name: string;
  deal_visibility: ColumnType<DealVisibility, DealVisibility | undefined, DealVisibility>;
  default_currency: ColumnType<string, string | undefined, string>;
  timezone: ColumnType<string, string | undefined, string>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  scoring_rules: ColumnType<unknown, string | null | undefined, string | null>;
  renewal_lead_days: ColumnType<number, number | undefined, number>;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type UsersTable = {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  locale: ColumnType<'en' | 'vi', 'en' | 'vi' | undefined, 'en' | 'vi'>;
  timezone: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
  ics_token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  digest_enabled: ColumnType<boolean, boolean | undefined, boolean>;
  digest_hour: ColumnType<number, number | undefined, number>;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type TeamsTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  manager_id: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type TeamMembersTable = { team_id: string; user_id: string };

export type SessionsTable = {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Date;
};

export type ApiTokensTable = {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: CreatedAt;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

export type InvitationsTable = {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  role: Role;
  team_id: string | null;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
  accepted_at: Date | null;
};

export type LoginFailuresTable = {
  id: Generated<number>;
  email: string;
  ip: string;
  at: Timestamp;
};

export type PipelinesTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  position: number;
  /** The workspace's after-the-win pipeline (onboarding, renewals, expansions); at most one. */
  is_post_purchase: ColumnType<boolean, boolean | undefined, boolean>;
  /** Stage bits handed out so far (migration 0025), deleted stages' included; set by trigger. */
  stage_bits_used: ColumnType<number, never, never>;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type StagesTable = {
  id: Generated<string>;
  workspace_id: string;
  pipeline_id: string;
  name: string;
  position: number;
  probability: number;
  rotting_days: number | null;
  kind: StageKind;
  required_fields: ColumnType<string[], string[] | undefined, string[]>;
  close_date_push_limit: ColumnType<number | null, number | null | undefined, number | null>;
  /** Its bit in deal_stage_visits.reached_before (migration 0025), given by trigger; null past 52. */
  bit: ColumnType<number | null, never, never>;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

type Searchable = {
  search_document: ColumnType<string, string | undefined, string>;
  search: ReadOnly<string>;
};

export type CompaniesTable = Searchable & {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  domain: string | null;
  website: string | null;
  phone: string | null;
  industry: string | null;
  address: string | null;
  owner_id: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type ContactsTable = Searchable & {
  id: Generated<string>;
  workspace_id: string;
  company_id: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  job_title: string | null;
  owner_id: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type DealsTable = Searchable & {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  pipeline_id: string;
  stage_id: string;
  position: number;
  value_minor: number;
  currency: string;
  expected_close_date: DateOnly | null;
  owner_id: string;
  company_id: string | null;
  source: string | null;
  status: ColumnType<DealStatus, DealStatus | undefined, DealStatus>;
  lost_reason: string | null;
  closed_at: Date | null;
  probability: number | null;
  stage_entered_at: Timestamp;
  last_activity_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  lead_id: ColumnType<string | null, string | null | undefined, string | null>;
  forecast_category: ColumnType<
    ForecastOverride | null,
    ForecastOverride | null | undefined,
    ForecastOverride | null
  >;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type ActivityType = 'call' | 'meeting' | 'task' | 'email' | 'note';

export type ActivitiesTable = {
  id: Generated<string>;
  workspace_id: string;
  type: ActivityType;
  subject: string;
  body: ColumnType<string, string | undefined, string>;
  due_at: Date | null;
  all_day: ColumnType<boolean, boolean | undefined, boolean>;
  duration_minutes: number | null;
  owner_id: string;
  done: ColumnType<boolean, boolean | undefined, boolean>;
  done_at: Date | null;
  deal_id: string | null;
  contact_id: string | null;
  company_id: string | null;
  created_by: string | null;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type DealContactsTable = { deal_id: string; contact_id: string };

export type DealEventsTable = {
  id: Generated<number>;
  workspace_id: string;
  deal_id: string;
  type: DealEventType;
  occurred_at: Date;
  actor_id: string | null;
  from_pipeline_id: string | null;
  to_pipeline_id: string | null;
  from_stage_id: string | null;
  to_stage_id: string | null;
  from_value: number | null;
  to_value: number | null;
  from_text: string | null;
  to_text: string | null;
  data: ColumnType<Record<string, unknown> | null, string | null | undefined, never>;
};

export type SavedViewsTable = {
  id: Generated<string>;
  workspace_id: string;
  owner_id: string;
  name: string;
  entity: 'deals';
  // Written as a JSON string, read back parsed; the service validates it with its zod schema.
  config: ColumnType<Record<string, unknown>, string, string>;
  shared: ColumnType<boolean, boolean | undefined, boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type DashboardsTable = {
  id: Generated<string>;
  workspace_id: string;
  owner_id: string;
  name: string;
  // Written as JSON strings, read back parsed; the service validates them with its zod schemas.
  widgets: ColumnType<unknown[], string, string>;
  filters: ColumnType<Record<string, unknown>, string, string>;
  shared: ColumnType<boolean, boolean | undefined, boolean>;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type NotificationsTable = {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  kind: 'activity_due';
  activity_id: string;
  due_at: ColumnType<Date, Date | string, Date | string>;
  read_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
};

export type DigestStatus = 'pending' | 'sending' | 'sent' | 'skipped';

export type DigestDeliveriesTable = {
  user_id: string;
  /** 'YYYY-MM-DD', the user's local calendar day. */
  local_date: string;
  status: DigestStatus;
  attempts: ColumnType<number, number | undefined, number>;
  claimed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
};

export type ExchangeRatesTable = {
  workspace_id: string;
  currency: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** Exact decimal text. */
  rate: string;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type MarketingSpendTable = {
  workspace_id: string;
  channel: string;
  /** 'YYYY-MM-01' */
  month: string;
  amount_minor: number;
  currency: string;
  updated_by: string | null;
  updated_at: Timestamp;
};

export type LeadStatus = 'new' | 'contacted' | 'qualifying' | 'qualified' | 'disqualified';
export type CriterionState = 'unknown' | 'yes' | 'no';
export type LeadCriteriaValues = Record<string, { state: CriterionState; note: string }>;

export type LeadsTable = {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  company_name: string | null;
  website: string | null;
  domain: string | null;
  job_title: string | null;
  source: string | null;
  owner_id: string | null;
  status: ColumnType<LeadStatus, LeadStatus | undefined, LeadStatus>;
  disqualify_reason: string | null;
  criteria: ColumnType<LeadCriteriaValues, string | undefined, string>;
  notes: ColumnType<string, string | undefined, string>;
  created_via: ColumnType<'app' | 'capture' | 'api', 'app' | 'capture' | 'api' | undefined, never>;
  converted_at: Date | null;
  converted_deal_id: string | null;
  converted_contact_id: string | null;
  converted_company_id: string | null;
  referrer_company_id: ColumnType<string | null, string | null | undefined, string | null>;
  search_document: ColumnType<string, string | undefined, string>;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type LeadEventsTable = {
  id: Generated<number>;
  workspace_id: string;
  lead_id: string;
  type: 'created' | 'status' | 'converted' | 'merged';
  from_status: string | null;
  to_status: string | null;
  data: ColumnType<unknown, string | null | undefined, never>;
  actor_id: string | null;
  occurred_at: ColumnType<Date, Date | string | undefined, never>;
};

export type LeadCriteriaTable = {
  workspace_id: string;
  key: string;
  label: string;
  required: boolean;
  position: number;
};

export type LeadCaptureTable = {
  workspace_id: string;
  form_id: string;
  secret_hash: string;
  owner_id: string | null;
  created_at: CreatedAt;
};

export type CaptureHitsTable = { workspace_id: string; address: string; at: CreatedAt };

export type ImportEntity = 'users' | 'companies' | 'contacts' | 'deals' | 'activities';

export type ImportBatchesTable = {
  id: Generated<string>;
  workspace_id: string;
  entity: ImportEntity;
  source: string;
  file_name: string;
  first_row: number;
  last_row: number;
  created_count: number;
  imported_by: string | null;
  created_at: CreatedAt;
  undone_at: Date | null;
};

export type ImportRecordsTable = {
  workspace_id: string;
  entity: ImportEntity;
  source: string;
  external_id: string;
  record_id: string;
  batch_id: string;
};

/** Derived from deal_events by the trigger of migration 0015; never written by the app. */
export type DealStateIntervalsTable = {
  deal_id: string;
  workspace_id: string;
  valid_from: Date;
  /** 'infinity' for the state the deal is in now. */
  valid_to: Date;
  created_at: Date;
  created_pipeline_id: string | null;
  pipeline_id: string | null;
  stage_id: string | null;
  status: DealStatus;
  /** An event of the instant set the status to won or lost. */
  closes: boolean;
  value_minor: number;
  currency: string;
  owner_id: string | null;
  expected_close_date: string | null;
  /** The previous interval's fields (migration 0023); null on the deal's first interval. */
  prev_pipeline_id: string | null;
  prev_status: DealStatus | null;
  prev_currency: string | null;
  prev_value_minor: number | null;
  /** Just before this interval the deal was in its New state (the waterfall's). */
  new_before: boolean;
  /** On a closing: when the deal next closes ('infinity' if never); null otherwise. */
  closing_until: Date | null;
};

/** Derived from deal_state_intervals by the same trigger; left_at 'infinity' while there. */
export type DealStageVisitsTable = {
  deal_id: string;
  workspace_id: string;
  pipeline_id: string | null;
  stage_id: string | null;
  entered_at: Date;
  left_at: Date;
  /** The stay after this one (migration 0023); null while the deal is still here. */
  next_pipeline_id: string | null;
  next_stage_id: string | null;
  /** When the deal next enters this stage ('infinity' if never). */
  stage_again_at: Date;
  /** The bits (stages.bit) of the stages of this pipeline the deal entered before this stay. */
  reached_before: number;
  /** When the deal's next stay in this pipeline begins ('infinity' if never). */
  pipeline_again_at: Date;
};

export type ContractsTable = {
  deal_id: string;
  workspace_id: string;
  /** 'YYYY-MM-DD' */
  starts_on: string;
  ends_on: string;
  recurring_minor: number | null;
  recurring_period: 'month' | 'year' | null;
  currency: string;
  version: Version;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type DealLinkKind = 'onboarding' | 'renewal' | 'expansion';

export type DealLinksTable = {
  deal_id: string;
  parent_deal_id: string;
  workspace_id: string;
  kind: DealLinkKind;
  term_ends_on: string | null;
  created_at: CreatedAt;
};

// What one import run has read (migration 0020); rows last for the run.
export type ImportSeenTable = {
  run_id: string;
  digest: string;
  first_row: number;
  seen: number;
  created_at: CreatedAt;
};

export type DB = {
  workspaces: WorkspacesTable;
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  invitations: InvitationsTable;
  login_failures: LoginFailuresTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  companies: CompaniesTable;
  contacts: ContactsTable;
  deals: DealsTable;
  deal_contacts: DealContactsTable;
  deal_events: DealEventsTable;
  deal_state_intervals: DealStateIntervalsTable;
  deal_stage_visits: DealStageVisitsTable;
  activities: ActivitiesTable;
  saved_views: SavedViewsTable;
  dashboards: DashboardsTable;
  notifications: NotificationsTable;
  digest_deliveries: DigestDeliveriesTable;
  exchange_rates: ExchangeRatesTable;
  marketing_spend: MarketingSpendTable;
  leads: LeadsTable;
  lead_events: LeadEventsTable;
  lead_criteria: LeadCriteriaTable;
  lead_capture: LeadCaptureTable;
  capture_hits: CaptureHitsTable;
  contracts: ContractsTable;
  deal_links: DealLinksTable;
  import_batches: ImportBatchesTable;
  import_records: ImportRecordsTable;
  import_seen: ImportSeenTable;
  quotas: QuotasTable;
  forecast_submissions: ForecastSubmissionsTable;
  forecast_backtests: ForecastBacktestsTable;
  forecast_snapshots: ForecastSnapshotsTable;
  pipeline_reviews: PipelineReviewsTable;
  forecast_accuracy: ForecastAccuracyTable;
};

export type UserRow = Selectable<UsersTable>;
export type DealRow = Selectable<DealsTable>;
export type NewDeal = Insertable<DealsTable>;
export type DealUpdate = Updateable<DealsTable>;
export type StageRow = Selectable<StagesTable>;
export type PipelineRow = Selectable<PipelinesTable>;
export type CompanyRow = Selectable<CompaniesTable>;
export type ContactRow = Selectable<ContactsTable>;
export type DealEventRow = Selectable<DealEventsTable>;
export type NewDealEvent = Insertable<DealEventsTable>;
export type SavedViewRow = Selectable<SavedViewsTable>;

// Forecasting (migration 0010).
export type ForecastOverride = 'pipeline' | 'best_case' | 'commit' | 'omitted';
export type QuotaUnit = 'month' | 'quarter' | 'year';

export type QuotasTable = {
  id: Generated<string>;
  workspace_id: string;
  user_id: string | null;
  team_id: string | null;
  period_unit: QuotaUnit;
  /** 'YYYY-MM-DD', the first day of the period. */
  period_start: DateOnly;
  kind: 'amount' | 'count';
  target: number;
  currency: string | null;
  version: Version;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
};

export type ForecastSubmissionsTable = {
  id: Generated<string>;
  workspace_id: string;
  user_id: string | null;
  team_id: string | null;
  submitted_by: string;
  period_unit: QuotaUnit;
  period_start: DateOnly;
  amount_minor: number;
  currency: string;
  deal_count: number;
  note: string | null;
  submitted_at: CreatedAt;
};

export type ForecastBacktestsTable = {
  id: Generated<string>;
  workspace_id: string;
  pipeline_id: string;
  period_unit: 'month' | 'quarter';
  from_date: DateOnly;
  to_date: DateOnly;
  runs: number;
  seed: number;
  currency: string;
  summary: ColumnType<unknown, string, never>;
  periods: ColumnType<unknown, string, never>;
  ran_at: CreatedAt;
};

export type ForecastSnapshotsTable = {
  id: Generated<string>;
  workspace_id: string;
  pipeline_id: string;
  period_unit: QuotaUnit;
  period_start: DateOnly;
  taken_on: DateOnly;
  currency: string;
  forecast: ColumnType<unknown, string, never>;
  taken_at: CreatedAt;
  /** The Monday of the local week: one snapshot per pipeline, period and week. */
  week_start: DateOnly;
  taken_by: string | null;
};

export type AccuracyMethod = 'stage_weighted' | 'commit' | 'best_case' | 'learned' | 'submission';

export type ForecastAccuracyTable = {
  id: Generated<string>;
  workspace_id: string;
  pipeline_id: string | null;
  user_id: string | null;
  team_id: string | null;
  period_unit: QuotaUnit;
  period_start: DateOnly;
  method: AccuracyMethod;
  forecast_on: DateOnly;
  currency: string;
  forecast_count: number;
  forecast_amount: number;
  actual_count: number;
  actual_amount: number;
  count_abs_error: number;
  count_ape: number | null;
  amount_abs_error: number;
  amount_ape: number | null;
  recorded_at: CreatedAt;
};

// Completed pipeline reviews (migration 0016).
export type PipelineReviewsTable = {
  id: Generated<string>;
  workspace_id: string;
  reviewer_id: string;
  owner_id: string | null;
  team_id: string | null;
  since: Date;
  until: Date;
  reviewed_at: CreatedAt;
};

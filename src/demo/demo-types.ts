import type { Insertable } from 'kysely';
import type {
  ActivitiesTable,
  CompaniesTable,
  ContactsTable,
  DealEventType,
  DealStatus,
  StageKind,
  TeamMembersTable,
  TeamsTable,
  UsersTable,
} from '../db/schema.js';
import type { Market } from './names.js';

// Plain rows for the demo workspace, every column spelled out, so a plan can be compared with
// deep equality and written with multi-row inserts as it is.
type Full<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

/** What the plan needs from the workspace that createWorkspace made. */
export type DemoContext = {
  workspaceId: string;
  pipelineId: string;
  /** The admin createWorkspace made (demo@pipewright.local); sells a little too. */
  adminId: string;
  stages: readonly {
    id: string;
    name: string;
    kind: StageKind;
    position: number;
    rottingDays: number | null;
  }[];
};

export type DemoUser = Full<Omit<Insertable<UsersTable>, 'version'>>;
export type DemoTeam = Full<Omit<Insertable<TeamsTable>, 'version'>>;
export type DemoCompany = Full<Omit<Insertable<CompaniesTable>, 'version'>>;
export type DemoContact = Full<Omit<Insertable<ContactsTable>, 'version'>>;
export type DemoActivity = Full<Insertable<ActivitiesTable>>;

/** A company as the deal generator sees it. */
export type DemoAccount = {
  id: string;
  name: string;
  shortName: string;
  market: Market;
  ownerId: string;
  contactIds: string[];
};

export type DemoOrganisation = {
  users: DemoUser[];
  teams: DemoTeam[];
  teamMembers: TeamMembersTable[];
  companies: DemoCompany[];
  contacts: DemoContact[];
  accounts: DemoAccount[];
  /** Who sells to each market, with a weight (managers sell less). */
  sellers: Record<Market, [string, number][]>;
};

export type DemoDeal = {
  id: string;
  workspace_id: string;
  title: string;
  pipeline_id: string;
  stage_id: string;
  position: number;
  value_minor: number;
  currency: string;
  expected_close_date: string | null;
  owner_id: string;
  company_id: string;
  source: string;
  status: DealStatus;
  lost_reason: string | null;
  closed_at: Date | null;
  probability: number | null;
  stage_entered_at: Date;
  /** The latest done_at of the deal's done activities, as touchDeal keeps it. */
  last_activity_at: Date | null;
  search_document: string;
  version: number;
  created_at: Date;
  updated_at: Date;
};

export type DemoEvent = {
  workspace_id: string;
  deal_id: string;
  type: DealEventType;
  occurred_at: Date;
  actor_id: string;
  from_pipeline_id: string | null;
  to_pipeline_id: string | null;
  from_stage_id: string | null;
  to_stage_id: string | null;
  from_value: number | null;
  to_value: number | null;
  from_text: string | null;
  to_text: string | null;
  /** A JSON document, as the column takes it on insert. */
  data: string | null;
};

export type DemoDealPlan = {
  deal: DemoDeal;
  contactIds: string[];
  events: DemoEvent[];
  activities: DemoActivity[];
};

import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Forward-only once shipped: never edit this file after a release, add a new migration instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table workspaces (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      deal_visibility text not null default 'team' check (deal_visibility in ('all', 'team', 'own')),
      default_currency char(3) not null default 'USD',
      timezone text not null default 'Asia/Ho_Chi_Minh',
      is_demo boolean not null default false,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      email text not null,
      name text not null,
      role text not null check (role in ('admin', 'manager', 'rep')),
      password_hash text,
      locale text not null default 'en' check (locale in ('en', 'vi')),
      timezone text,
      active boolean not null default true,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );
    create unique index users_email_key on users (email);
    create index users_workspace_idx on users (workspace_id, name, id);

    create table teams (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      manager_id uuid references users(id) on delete set null,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      unique (workspace_id, name)
    );
    create table team_members (
      team_id uuid not null references teams(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      primary key (team_id, user_id)
    );
    create index team_members_user_idx on team_members (user_id);

    create table sessions (
      token_hash text primary key,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz(3) not null default now(),
      expires_at timestamptz(3) not null
    );
    create index sessions_user_idx on sessions (user_id);

    create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      created_at timestamptz(3) not null default now(),
      last_used_at timestamptz(3),
      revoked_at timestamptz(3)
    );
    create index api_tokens_user_idx on api_tokens (user_id);

    create table invitations (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      email text not null,
      role text not null check (role in ('admin', 'manager', 'rep')),
      team_id uuid references teams(id) on delete set null,
      token_hash text not null unique,
      invited_by uuid references users(id) on delete set null,
      created_at timestamptz(3) not null default now(),
      expires_at timestamptz(3) not null,
      accepted_at timestamptz(3)
    );
    create index invitations_workspace_idx on invitations (workspace_id, created_at);

    create table login_failures (
      id bigint generated always as identity primary key,
      email text not null,
      ip text not null,
      at timestamptz(3) not null default now()
    );
    create index login_failures_email_idx on login_failures (email, at);
    create index login_failures_ip_idx on login_failures (ip, at);

    create table pipelines (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      position integer not null,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );
    create index pipelines_workspace_idx on pipelines (workspace_id, position);

    create table stages (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      pipeline_id uuid not null references pipelines(id) on delete cascade,
      name text not null,
      position integer not null,
      probability integer not null check (probability between 0 and 100),
      rotting_days integer check (rotting_days > 0),
      kind text not null check (kind in ('open', 'won', 'lost')),
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );
    create index stages_pipeline_idx on stages (pipeline_id, position);

    create table companies (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      domain text,
      website text,
      phone text,
      industry text,
      address text,
      owner_id uuid references users(id) on delete set null,
      search_document text not null default '',
      search tsvector generated always as (to_tsvector('simple', search_document)) stored,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );
    create index companies_workspace_idx on companies (workspace_id, name, id);
    create index companies_domain_idx on companies (workspace_id, domain);
    create index companies_search_idx on companies using gin (search);

    create table contacts (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      company_id uuid references companies(id) on delete set null,
      name text not null,
      email text,
      phone text,
      job_title text,
      owner_id uuid references users(id) on delete set null,
      search_document text not null default '',
      search tsvector generated always as (to_tsvector('simple', search_document)) stored,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );
    create index contacts_workspace_idx on contacts (workspace_id, name, id);
    create index contacts_email_idx on contacts (workspace_id, email);
    create index contacts_company_idx on contacts (company_id);
    create index contacts_search_idx on contacts using gin (search);

    create table deals (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      title text not null,
      pipeline_id uuid not null references pipelines(id),
      stage_id uuid not null references stages(id),
      position double precision not null,
      value_minor bigint not null default 0 check (value_minor >= 0),
      currency char(3) not null,
      expected_close_date date,
      owner_id uuid not null references users(id),
      company_id uuid references companies(id) on delete set null,
      source text,
      status text not null default 'open' check (status in ('open', 'won', 'lost')),
      lost_reason text,
      closed_at timestamptz(3),
      probability integer check (probability between 0 and 100),
      stage_entered_at timestamptz(3) not null default now(),
      search_document text not null default '',
      search tsvector generated always as (to_tsvector('simple', search_document)) stored,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );
    create index deals_board_idx on deals (stage_id, position, id);
    create index deals_pipeline_idx on deals (pipeline_id, stage_id);
    create index deals_workspace_created_idx on deals (workspace_id, created_at, id);
    create index deals_owner_idx on deals (owner_id);
    create index deals_company_idx on deals (company_id);
    create index deals_search_idx on deals using gin (search);

    create table deal_contacts (
      deal_id uuid not null references deals(id) on delete cascade,
      contact_id uuid not null references contacts(id) on delete cascade,
      primary key (deal_id, contact_id)
    );
    create index deal_contacts_contact_idx on deal_contacts (contact_id);

    -- Immutable history: reports are computed from these rows, so nothing ever updates them.
    create table deal_events (
      id bigint generated always as identity primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      deal_id uuid not null references deals(id) on delete cascade,
      type text not null check (type in
        ('created', 'stage', 'value', 'currency', 'close_date', 'owner', 'status')),
      occurred_at timestamptz(3) not null,
      actor_id uuid references users(id) on delete set null,
      from_pipeline_id uuid,
      to_pipeline_id uuid,
      from_stage_id uuid,
      to_stage_id uuid,
      from_value bigint,
      to_value bigint,
      from_text text,
      to_text text,
      data jsonb
    );
    create index deal_events_deal_idx on deal_events (deal_id, occurred_at, id);
    create index deal_events_workspace_idx on deal_events (workspace_id, occurred_at);
  `,
  );
}

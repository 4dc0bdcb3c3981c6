import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// Leads before deals: an inbox, qualification criteria, conversion, and web capture.
// Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table leads (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null,
      email text,
      phone text,
      company_name text,
      website text,
      domain text,
      job_title text,
      source text,
      owner_id uuid references users(id) on delete set null,
      status text not null default 'new'
        check (status in ('new', 'contacted', 'qualifying', 'qualified', 'disqualified')),
      disqualify_reason text,
      -- {criterionKey: {state: 'unknown' | 'yes' | 'no', note}}
      criteria jsonb not null default '{}',
      notes text not null default '',
      created_via text not null default 'app' check (created_via in ('app', 'capture', 'api')),
      converted_at timestamptz(3),
      converted_deal_id uuid references deals(id) on delete set null,
      converted_contact_id uuid references contacts(id) on delete set null,
      converted_company_id uuid references companies(id) on delete set null,
      search_document text not null default '',
      search tsvector generated always as (to_tsvector('simple', search_document)) stored,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now()
    );
    create index leads_search_idx on leads using gin (search);
    create index leads_inbox_idx on leads (workspace_id, created_at desc, id);
    create index leads_status_idx on leads (workspace_id, status, created_at desc);
    create index leads_email_idx on leads (workspace_id, email);
    create index leads_owner_idx on leads (owner_id);

    -- What happened to a lead, for its timeline and the funnel (created, status, converted).
    create table lead_events (
      id bigint generated always as identity primary key,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      lead_id uuid not null references leads(id) on delete cascade,
      type text not null check (type in ('created', 'status', 'converted', 'merged')),
      from_status text,
      to_status text,
      data jsonb,
      actor_id uuid references users(id) on delete set null,
      occurred_at timestamptz(3) not null default now()
    );
    create index lead_events_lead_idx on lead_events (lead_id, occurred_at);

    -- The workspace's names for the qualification criteria and which are required; a workspace
    -- without rows uses the built-in five.
    create table lead_criteria (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      key text not null,
      label text not null,
      required boolean not null default false,
      position integer not null,
      primary key (workspace_id, key)
    );

    -- Web capture: a public form id, and the hash of the JSON endpoint's secret.
    create table lead_capture (
      workspace_id uuid primary key references workspaces(id) on delete cascade,
      form_id text not null unique,
      secret_hash text not null unique,
      owner_id uuid references users(id) on delete set null,
      created_at timestamptz(3) not null default now()
    );
    create table capture_hits (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      address text not null,
      at timestamptz(3) not null default now()
    );
    create index capture_hits_idx on capture_hits (workspace_id, address, at);

    alter table deals add column lead_id uuid references leads(id) on delete set null
  `,
  );
}

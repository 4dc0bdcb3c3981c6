import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

// After the win: contracts, onboarding and renewal deals linked to the deal they came from.
// Forward-only once shipped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    create table contracts (
      deal_id uuid primary key references deals(id) on delete cascade,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      starts_on date not null,
      ends_on date not null,
      recurring_minor bigint check (recurring_minor >= 0),
      recurring_period text check (recurring_period in ('month', 'year')),
      currency char(3) not null,
      version integer not null default 1,
      created_at timestamptz(3) not null default now(),
      updated_at timestamptz(3) not null default now(),
      check (ends_on >= starts_on),
      check ((recurring_minor is null) = (recurring_period is null))
    );
    create index contracts_ends_idx on contracts (ends_on);

    -- A deal born of another: its onboarding, its renewal, an expansion. One onboarding and one
    -- renewal per contract term: the unique indexes make creating them idempotent.
    create table deal_links (
      deal_id uuid primary key references deals(id) on delete cascade,
      parent_deal_id uuid not null references deals(id) on delete cascade,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      kind text not null check (kind in ('onboarding', 'renewal', 'expansion')),
      term_ends_on date,
      created_at timestamptz(3) not null default now()
    );
    create unique index deal_links_onboarding_key on deal_links (parent_deal_id) where kind = 'onboarding';
    create unique index deal_links_renewal_key on deal_links (parent_deal_id, term_ends_on) where kind = 'renewal';
    create index deal_links_parent_idx on deal_links (parent_deal_id);

    alter table workspaces add column renewal_lead_days integer not null default 60
      check (renewal_lead_days between 1 and 365);

    -- A happy customer who sent us this lead: referral reports credit them.
    alter table leads add column referrer_company_id uuid references companies(id) on delete set null;
    create index leads_referrer_idx on leads (referrer_company_id) where referrer_company_id is not null
  `,
  );
}

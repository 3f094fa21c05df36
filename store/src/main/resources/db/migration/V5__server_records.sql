-- Umbrella store, schema version 5: two record tables the operations server writes beside V1's.
-- (V2-V4 are left free for the store's own next changes.) Like every record table, each row is a
-- ledger leaf and is never updated or deleted.

-- A report exactly as it was filed (the narrative, who filed it, when), next to the canonical
-- incident (incident_versions) the engine reads: the canonical form has no room for the summary.
create table incident_reports (
  id          bigserial   primary key,
  leaf_index  bigint      not null unique,
  incident_id text        not null,
  body        jsonb       not null,   -- the report as accepted, kebab-case keys
  filed_by    text        not null,
  filed_at    timestamptz not null
);
create index incident_reports_incident on incident_reports (incident_id);

-- The party an account acts for (null: the mechanism), recorded with the account. V1's accounts
-- table has no party column, and adding one would change the leaf of every row already stored.
create table account_parties (
  id          bigserial   primary key,
  leaf_index  bigint      not null unique,
  username    text        not null,
  party       text,
  recorded_at timestamptz not null
);

-- Umbrella store, schema version 1: the records and their ledger.
-- Nothing here is updated in place or deleted: a correction is a new row (a new version), and
-- every row of every record table is a leaf of the Merkle log (ledger_leaves), appended in the
-- same transaction. The only mutable row is ledger_tip, the log's frontier, guarded by a lock.
-- Versions V1..V49 belong to the store; the server uses V50 and up (accounts, sessions).

create table ledger_tip (
  id        smallint primary key check (id = 1),
  tree_size bigint   not null check (tree_size >= 0),
  frontier  bytea    not null            -- CompactRange hashes, 32 bytes each, largest first
);
insert into ledger_tip values (1, 0, ''::bytea);

create table ledger_leaves (
  leaf_index bigint primary key,
  table_name text   not null,
  row_id     bigint not null,
  leaf_hash  bytea  not null check (length(leaf_hash) = 32),
  unique (table_name, row_id)
);

create table tree_heads (
  tree_size  bigint      primary key,
  root_hash  bytea       not null check (length(root_hash) = 32),
  frontier   bytea       not null,
  checkpoint text        not null,     -- the signed note, C2SP tlog-checkpoint + signed-note
  signed_at  timestamptz not null
);

create table agreements (
  id           bigserial   primary key,
  leaf_index   bigint      not null unique,
  agreement_id text        not null,
  content_hash text        not null,   -- hex SHA-256 of the source text
  source       text        not null,
  recorded_at  timestamptz not null,
  recorded_by  text        not null,
  unique (agreement_id, content_hash)
);

create table sources (
  id          bigserial   primary key,
  leaf_index  bigint      not null unique,
  source_id   text        not null unique,
  kind        text        not null,
  grp         text        not null,   -- independence group
  description text,
  recorded_at timestamptz not null
);

create table incident_versions (
  id           bigserial        primary key,
  leaf_index   bigint           not null unique,
  incident_id  text             not null,
  version      integer          not null check (version >= 1),
  content_hash text             not null,   -- hex SHA-256 of body_text
  body_text    text             not null,   -- the canonical incident, exactly as written (docs/incidents.md)
  body         jsonb            generated always as (body_text::jsonb) stored,  -- derived, for queries
  event_time   timestamptz      not null,
  kind         text             not null,
  lat          double precision not null,
  lon          double precision not null,
  status       text             not null check (status in ('reported','corroborated','verified','rejected')),
  recorded_at  timestamptz      not null,
  recorded_by  text             not null,
  unique (incident_id, version)
);
create index incident_versions_time on incident_versions (event_time);

-- The current view: the latest version of every incident.
create view incidents as
  select distinct on (incident_id) *
  from incident_versions
  order by incident_id, version desc;

create table reviews (
  id          bigserial   primary key,
  leaf_index  bigint      not null unique,
  incident_id text        not null,
  from_status text        not null,
  to_status   text        not null,
  reason      text        not null,
  reviewer    text        not null,
  reviewed_at timestamptz not null
);
create index reviews_incident on reviews (incident_id);

-- Who did it, recorded apart from what was seen: a monitor may observe without attributing.
create table attributions (
  id            bigserial        primary key,
  leaf_index    bigint           not null unique,
  incident_id   text             not null,
  party         text,            -- null: explicitly unattributed
  confidence    double precision not null check (confidence between 0 and 1),
  basis         text             not null,
  attributed_by text             not null,
  recorded_at   timestamptz      not null
);
create index attributions_incident on attributions (incident_id);

create table determinations (
  id               bigserial   primary key,
  leaf_index       bigint      not null unique,
  determination_id text        not null,
  body             jsonb       not null,
  recorded_at      timestamptz not null
);

create table votes (
  id               bigserial   primary key,
  leaf_index       bigint      not null unique,
  determination_id text        not null,
  voter            text        not null,
  answer           text        not null,
  reason           text,
  cast_at          timestamptz not null
);

create table guarantor_responses (
  id          bigserial   primary key,
  leaf_index  bigint      not null unique,
  response_id text        not null,
  guarantor   text        not null,
  body        jsonb       not null,
  recorded_at timestamptz not null
);

create table provision_reports (
  id          bigserial   primary key,
  leaf_index  bigint      not null unique,
  report_id   text        not null,
  provision   text        not null,
  body        jsonb       not null,
  recorded_at timestamptz not null
);

create table engine_outputs (
  id          bigserial   primary key,
  leaf_index  bigint      not null unique,
  output_kind text        not null,   -- finding | obligation | status | alert
  body        jsonb       not null,
  recorded_at timestamptz not null
);

create table accounts (
  id           bigserial   primary key,
  leaf_index   bigint      not null unique,
  username     text        not null,
  display_name text        not null,
  role         text        not null,
  created_at   timestamptz not null
);

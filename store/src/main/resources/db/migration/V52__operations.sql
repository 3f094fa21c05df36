-- The server's working tables for the review and enforcement workflow. Reports carry the
-- engine's incident fields (LANGUAGE.md section 2, CONTRACTS.md); findings and obligations hold
-- what the engine produced. They move to the store module's repositories when it provides them.

create table ops_report (
  id                text primary key,
  filed_by          text not null,
  filed_at          timestamptz not null,
  time              timestamptz not null,
  time_precision    text not null,
  kind              text not null,
  lat               double precision not null check (lat between -90 and 90),
  lon               double precision not null check (lon between -180 and 180),
  place_precision   text not null,
  actor_party       text not null default '',
  actor_confidence  double precision not null default 0,
  target            text not null default '',
  fatalities_low    int not null default 0,
  fatalities_best   int not null default 0,
  fatalities_high   int not null default 0,
  sources           jsonb not null default '[]'::jsonb,
  status            text not null check (status in ('reported', 'corroborated', 'verified', 'rejected')),
  tags              jsonb not null default '[]'::jsonb,
  summary           text not null default '',
  updated_at        timestamptz not null
);
create index ops_report_time on ops_report (time);
create index ops_report_status on ops_report (status, time);

create table ops_review (
  id          bigserial primary key,
  report_id   text not null references ops_report(id),
  reviewer    text not null,
  status      text not null,
  actor_party text not null default '',
  confidence  double precision not null default 0,
  note        text not null default '',
  at          timestamptz not null
);

create table ops_body (
  id       text primary key,
  title    text not null,
  members  text not null      -- comma-separated party codes
);

create table ops_finding (
  id          text primary key,
  definition  text not null,
  title       text not null,
  status      text not null check (status in ('candidate', 'confirmed', 'rejected', 'withdrawn')),
  actor       text not null default '',
  body        text references ops_body(id),
  incidents   jsonb not null default '[]'::jsonb,
  raised_at   timestamptz not null,
  decided_at  timestamptz
);

create table ops_vote (
  finding_id  text not null references ops_finding(id),
  party       text not null,
  vote        text not null check (vote in ('confirm', 'reject', 'abstain')),
  voter       text not null,
  at          timestamptz not null,
  primary key (finding_id, party)
);

create table ops_obligation (
  id          text primary key,
  guarantee   text not null,
  duty        text not null,
  party       text not null,
  due         timestamptz not null,
  status      text not null check (status in ('pending', 'fulfilled', 'breached', 'waived')),
  raised_at   timestamptz not null,
  answer      text,
  decision    text not null default '',
  note        text not null default '',
  answered_by text,
  answered_at timestamptz
);

create table ops_status (
  subject   text primary key,     -- guarantee:<id> or provision:<id>
  kind      text not null check (kind in ('guarantee', 'provision')),
  title     text not null,
  status    text not null,
  level     int,                  -- provisions: implementation 0-3
  cause     text not null default '',
  at        timestamptz not null
);

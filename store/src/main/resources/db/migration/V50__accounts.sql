-- Accounts, sessions, API tokens and the audit trail of the operations server.
-- The server owns Flyway versions V50 and up; the store owns V1..V49 (same location).

create table account (
  id            bigserial primary key,
  username      text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name  text not null,
  role          text not null check (role in ('administrator', 'monitor', 'verifier', 'body-member',
                                              'guarantor-representative', 'observer')),
  party         text,            -- null: the account belongs to the mechanism
  password_hash text not null,   -- Argon2id, PHC string
  created_at    timestamptz not null,
  disabled      boolean not null default false
);

-- Session ids and API tokens are stored as SHA-256 hashes: a database dump does not let anyone
-- sign in. Both are 256-bit random values, so a fast hash is enough (no offline guessing).
create table web_session (
  id_hash     bytea primary key,
  account_id  bigint references account(id) on delete cascade,  -- null: an anonymous pre-login session
  csrf_token  text not null,
  created_at  timestamptz not null,
  expires_at  timestamptz not null
);
create index web_session_expiry on web_session (expires_at);

create table api_token (
  id          bigserial primary key,
  account_id  bigint not null references account(id) on delete cascade,
  token_hash  bytea not null unique,
  label       text not null,
  created_at  timestamptz not null,
  revoked_at  timestamptz
);

create table audit_event (
  id       bigserial primary key,
  at       timestamptz not null,
  actor    text not null,      -- username or 'anonymous' or 'system'
  action   text not null,      -- e.g. report.filed, account.created, session.login
  subject  text not null,      -- the id acted on
  detail   jsonb not null default '{}'::jsonb
);
create index audit_event_at on audit_event (at);

-- Small facts about this installation (for example the demo's assumed ceasefire date).
create table server_setting (
  key    text primary key,
  value  text not null
);

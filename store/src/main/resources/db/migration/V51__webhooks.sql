-- Outgoing webhooks: configured endpoints and the log of every delivery attempt.
create table webhook (
  id          bigserial primary key,
  url         text not null,
  secret      text not null,     -- HMAC-SHA256 key shared with the receiver; never logged or returned
  events      text not null,     -- comma-separated event types, or '*'
  created_at  timestamptz not null,
  active      boolean not null default true
);

create table webhook_delivery (
  id            bigserial primary key,
  webhook_id    bigint not null references webhook(id) on delete cascade,
  event_type    text not null,
  payload       text not null,
  attempts      int not null default 0,
  status        text not null check (status in ('pending', 'delivered', 'failed')),
  last_code     int,
  last_error    text,
  next_attempt  timestamptz,
  created_at    timestamptz not null,
  delivered_at  timestamptz
);
create index webhook_delivery_pending on webhook_delivery (status, next_attempt);

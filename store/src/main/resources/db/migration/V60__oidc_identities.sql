-- OpenID Connect sign-in (optional; see docs/server.md "Signing in with OpenID Connect").
-- An identity provider's user (issuer, subject) signs in as the Umbrella account it is linked to.
-- Links are made by an administrator, or on first sign-in when the provider vouches for an email
-- (email_verified) that an administrator put on exactly one account. Accounts are never created
-- from a sign-in: roles and parties are only ever given by an administrator.

alter table account add column email text check (email is null or email ~ '^[^@\s]+@[^@\s]+$');
create unique index account_email on account (lower(email)) where email is not null;

create table account_oidc_identity (
  issuer     text        not null,
  subject    text        not null,
  account_id bigint      not null references account(id) on delete cascade,
  linked_at  timestamptz not null,
  linked_by  text        not null,   -- the administrator, or 'verified-email' for a link made at sign-in
  primary key (issuer, subject),
  unique (issuer, account_id)        -- one identity per provider per account
);

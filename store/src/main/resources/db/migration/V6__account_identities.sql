-- Umbrella store, schema version 6: the OpenID Connect identities linked to and unlinked from
-- accounts by the operations server (an administrator, or a sign-in vouched for by a verified
-- email). One row per change; like every record table each row is a ledger leaf and is never
-- updated or deleted. The server's own table (account_oidc_identity) is the current view.
create table account_identities (
  id          bigserial   primary key,
  leaf_index  bigint      not null unique,
  username    text        not null,
  issuer      text        not null,
  subject     text        not null,
  linked      boolean     not null,   -- true: linked, false: unlinked
  changed_by  text        not null,   -- the administrator, or 'verified-email'
  recorded_at timestamptz not null
);

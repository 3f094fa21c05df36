-- API tokens get an optional expiry and an optional scope (issue 10: security hardening).
-- scope: comma-separated action slugs (read-public,read-reports,...); null for tokens issued before
-- scopes existed, which keep every action of their account except issue-tokens (a token mints tokens
-- only when its scope names issue-tokens). Versions V70-V79 are left to access control.
alter table api_token add column expires_at timestamptz;
alter table api_token add column scope text;
create index api_token_account on api_token (account_id);

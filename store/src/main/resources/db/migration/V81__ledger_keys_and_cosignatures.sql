-- Umbrella store, V81: the ledger's key history and the witnesses' cosignatures.

-- A change of the ledger's signing key, itself a ledger leaf (a record table: never updated or
-- deleted). The tree head of the transaction that writes it is the handover: signed by the
-- previous key and the new one, with the extension line `rotate-key <new verifier key>`, which
-- tells witnesses to trust the new key from then on. `ledger verify` holds every head to the key
-- in force at its size.
create table ledger_key_changes (
  id           bigserial   primary key,
  leaf_index   bigint      not null unique,
  verifier_key text        not null,   -- the new key (C2SP vkey)
  previous_key text        not null,   -- the key it replaces
  reason       text        not null,   -- 'scheduled', or why (e.g. 'compromised: ...')
  changed_by   text        not null,
  recorded_at  timestamptz not null
);

-- Cosignatures (C2SP tlog-cosignature) that witnesses returned for a tree head. Not leaves: each
-- verifies by itself against its head, and `ledger verify` checks every one.
create table ledger_cosignatures (
  tree_size    bigint      not null references tree_heads (tree_size),
  witness_key  text        not null,   -- the witness's verifier key (type 0x04)
  signature    text        not null,   -- the signature line, with its newline
  cosigned_at  timestamptz not null,   -- the time the cosignature states
  primary key (tree_size, witness_key)
);

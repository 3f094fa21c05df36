-- Umbrella, V82: the journal, the one record of what the enforcement engine consumes (issue 9).
-- Every input (each report version, each body's tally, each guarantor's answer, each provision
-- report, each tick of the server clock that has a deadline to fire, each agreement version put in
-- force) is appended here once, in the transaction that writes its ledger leaf (leaf_index), in the
-- order the engine sees it: seq is taken while the ledger's tip is locked, so seq order is commit
-- order. body_text is the engine's canonical JSON Lines encoding of the record with its record
-- time ("recorded"): the server clock when the input was accepted. The engine is rebuilt from this
-- table at restart, and `umbrella audit reexecute` replays it. Never updated, never deleted.
create table journal (
  seq         bigserial   primary key,
  recorded_at timestamptz not null,
  kind        text        not null check (kind in ('incident', 'determination', 'response', 'provision-report', 'tick', 'agreement')),
  input_id    text        not null,
  body_text   text        not null,
  leaf_index  bigint      not null
);
create index journal_input on journal (input_id);

create function journal_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the journal is append-only (% refused)', tg_op;
end $$;
create trigger journal_append_only before update or delete on journal
  for each row execute function journal_append_only();

-- The engine's outputs in the order it produced them, each with the journal entry that caused it
-- and its ledger leaf (an engine_outputs row whose body is the engine's canonical encoding).
create table outputs (
  seq         bigserial primary key,
  journal_seq bigint    not null references journal (seq),
  leaf_index  bigint    not null,
  body_text   text      not null
);
create index outputs_journal on outputs (journal_seq);
create trigger outputs_append_only before update or delete on outputs
  for each row execute function journal_append_only();

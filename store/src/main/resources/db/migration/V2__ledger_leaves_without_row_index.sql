-- Umbrella store, schema version 2: drop the unique (table_name, row_id) index of ledger_leaves.
-- Nothing reads leaves by row (proofs and verification read them by leaf_index), and `ledger
-- verify` already rejects two leaves naming one row: each record row carries its own unique
-- leaf_index, so a second leaf for the same row finds a row with another id at its index. The
-- index cost every bulk import a sixth B-tree on a text column. On an existing database this
-- drops the index and its constraint; no row changes.
alter table ledger_leaves drop constraint if exists ledger_leaves_table_name_row_id_key;

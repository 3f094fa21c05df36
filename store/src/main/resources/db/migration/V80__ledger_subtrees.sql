-- Umbrella store, V80: stored subtree hashes, so that proofs cost O(log n) reads and hashes
-- instead of a rebuild from every leaf. A row is the hash of a perfect, aligned subtree of 2^level
-- leaves, [node_index * 2^level, (node_index + 1) * 2^level), at every eighth level (8, 16, 24,
-- ...): the hashes tlog-tiles' tiles of height 8 hold, one row per hash. Level 0 is the leaf
-- hashes themselves (ledger_leaves). Written with the leaves, in their transaction, never updated;
-- `ledger verify` recomputes every one. (Versions V80 and up are the ledger's.)
create table ledger_subtrees (
  level      smallint not null check (level > 0 and level % 8 = 0),
  node_index bigint   not null check (node_index >= 0),
  hash       bytea    not null check (length(hash) = 32),
  primary key (level, node_index)
);

-- Back-fill the ledger already written: fold the leaf hashes level by level (RFC 6962 node hash,
-- SHA-256(0x01 || left || right)), keeping only complete pairs, and keep every eighth level.
create temporary table backfill_nodes (
  level smallint not null,
  idx   bigint   not null,
  h     bytea    not null,
  primary key (level, idx)
) on commit drop;

insert into backfill_nodes select 0, leaf_index, leaf_hash from ledger_leaves;

do $$
declare
  lvl smallint := 0;
  made bigint;
begin
  loop
    insert into backfill_nodes
      select lvl + 1, l.idx / 2, sha256('\x01'::bytea || l.h || r.h)
      from backfill_nodes l join backfill_nodes r on r.level = lvl and r.idx = l.idx + 1
      where l.level = lvl and l.idx % 2 = 0;
    get diagnostics made = row_count;
    exit when made = 0;
    lvl := lvl + 1;
  end loop;
end $$;

insert into ledger_subtrees (level, node_index, hash)
  select level, idx, h from backfill_nodes where level > 0 and level % 8 = 0;

drop table backfill_nodes;

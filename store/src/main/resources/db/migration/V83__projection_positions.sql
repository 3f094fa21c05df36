-- Umbrella, V83: how far each projection of the journal has been brought (issue 9, item 2).
-- The pages' tables (ops_report and ops_review first) are projections: each journal entry they
-- derive from is applied in the transaction that appends it, and this row moves with it. A
-- projection whose row is missing (a database written before V83, or one an operator emptied
-- with `umbrella audit rebuild-projections`) is rebuilt from the whole journal at start.
create table projection_position (
  name        text   primary key,
  journal_seq bigint not null
);

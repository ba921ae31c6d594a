-- The SU's system of record. Ids are raw 32-byte values (bytea); numbers
-- are bigint. One row in processes is a process's head: its last nonce,
-- timestamp, hash chain and assignment id, updated in the transaction
-- that inserts the entry.
CREATE TABLE processes (
    process_id    bytea PRIMARY KEY CHECK (length(process_id) = 32),
    nonce         bigint NOT NULL,
    "timestamp"   bigint NOT NULL,
    hash_chain    bytea  NOT NULL,
    assignment_id bytea  NOT NULL
);

CREATE TABLE entries (
    process_id    bytea    NOT NULL REFERENCES processes (process_id),
    nonce         bigint   NOT NULL,
    "timestamp"   bigint   NOT NULL,
    kind          smallint NOT NULL CHECK (kind IN (1, 2, 3)),
    hash_chain    bytea    NOT NULL,
    assignment_id bytea    NOT NULL,
    message_id    bytea    NOT NULL,
    assignment    bytea    NOT NULL,
    item          bytea,
    PRIMARY KEY (process_id, nonce)
);
CREATE INDEX entries_timestamp ON entries (process_id, "timestamp", nonce);
CREATE INDEX entries_message ON entries (message_id);
CREATE UNIQUE INDEX entries_assignment ON entries (assignment_id);
-- A message is scheduled once; assigns may repeat an id.
CREATE UNIQUE INDEX entries_message_once ON entries (message_id) WHERE kind = 2;

CREATE TABLE outbox (
    seq        bigserial PRIMARY KEY,
    process_id bytea    NOT NULL,
    nonce      bigint   NOT NULL,
    part       smallint NOT NULL
);

CREATE TABLE meta (
    name  text PRIMARY KEY,
    value bytea NOT NULL
);

-- USE_DISK: item bytes may live in Pebble beside PostgreSQL. row_id gives
-- actord mig a stable order to copy ranges of rows by.
ALTER TABLE entries ADD COLUMN row_id bigserial;
ALTER TABLE entries ADD COLUMN item_on_disk boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX entries_row ON entries (row_id);

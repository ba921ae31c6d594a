-- Router tables (reference SU §5.1), used by router nodes.
CREATE TABLE schedulers (
    row_id           serial PRIMARY KEY,
    url              text UNIQUE NOT NULL,
    process_count    integer NOT NULL DEFAULT 0,
    no_route         boolean NOT NULL DEFAULT false,
    wallets_to_route text,
    wallets_only     boolean
);

CREATE TABLE process_schedulers (
    row_id           serial PRIMARY KEY,
    process_id       text UNIQUE NOT NULL,
    scheduler_row_id integer NOT NULL REFERENCES schedulers (row_id)
);

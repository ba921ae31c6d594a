-- A route is pending from placement until the SU accepted the spawn
-- (the reference router persisted it before, and kept it on rejection).
ALTER TABLE process_schedulers
    ADD COLUMN pending   boolean     NOT NULL DEFAULT false,
    ADD COLUMN placed_at timestamptz NOT NULL DEFAULT now();

-- 016_kiosk: what a self-service kiosk (自助终端) keeps between runs: the
-- wrong number-and-phone pairs typed at it in a row, and until when it
-- makes the next person wait after too many. One row a kiosk, by the
-- login of its kiosk user; written in the transaction of the try's audit row.
CREATE TABLE kiosk_guard (
    kiosk       TEXT PRIMARY KEY,
    misses      INTEGER NOT NULL DEFAULT 0,
    wait_until  INTEGER NOT NULL DEFAULT 0
);

-- 020_hours_count: when a volunteer's minutes count, and what is built on
-- the minutes that count.
--
-- A service record counts once the organiser (or the recipient) has
-- confirmed it and the public notice period after the confirmation has
-- passed (民发〔2015〕149号): counts_from is the first day it counts, set
-- at confirmation from the working-day calendar and the setting
-- hours_notice_days. The one rule every store uses:
--     confirmed_at <> '' AND counts_from <= :today
-- A record entered after the fact (补录) carries its reason and is never
-- mixed silently with those signed at the time. A record may name the
-- request whose closing it helped.
ALTER TABLE service_record ADD COLUMN confirmed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE service_record ADD COLUMN confirmed_by TEXT NOT NULL DEFAULT '';
ALTER TABLE service_record ADD COLUMN confirmed_as TEXT NOT NULL DEFAULT ''
    CHECK (confirmed_as IN ('', 'organiser', 'recipient'));
ALTER TABLE service_record ADD COLUMN counts_from TEXT NOT NULL DEFAULT '';
ALTER TABLE service_record ADD COLUMN late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1));
ALTER TABLE service_record ADD COLUMN late_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE service_record ADD COLUMN request_id INTEGER REFERENCES request(id);
CREATE INDEX service_record_request ON service_record(request_id) WHERE request_id IS NOT NULL;
CREATE INDEX service_record_counted ON service_record(volunteer_id, counts_from, minutes)
    WHERE confirmed_at <> '';

-- A correction a volunteer asks for: the times they say are right and
-- why, taken down by a clerk; the coordinator grants it (the record is
-- changed through the audit log, which keeps the old value) or refuses
-- it, with a reason either way.
CREATE TABLE hours_correction (
    id              INTEGER PRIMARY KEY,
    record_id       INTEGER NOT NULL REFERENCES service_record(id),
    sign_in         TEXT NOT NULL CHECK (length(sign_in) = 5),
    sign_out        TEXT NOT NULL CHECK (length(sign_out) = 5 AND sign_out > sign_in),
    reason          TEXT NOT NULL CHECK (reason <> ''),
    asked_at        TEXT NOT NULL,
    asked_by        TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'asked' CHECK (state IN ('asked', 'granted', 'refused')),
    decided_at      TEXT NOT NULL DEFAULT '',
    decided_by      TEXT NOT NULL DEFAULT '',
    decision_reason TEXT NOT NULL DEFAULT '',
    CHECK (state = 'asked' OR decision_reason <> '')
);
CREATE INDEX hours_correction_record ON hours_correction(record_id);
CREATE INDEX hours_correction_asked ON hours_correction(state) WHERE state = 'asked';

-- Star levels (星级): the hours that earn each, editable, seeded with the
-- common scheme; and the stars awarded, one of each level per volunteer.
CREATE TABLE star_level (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
    hours   INTEGER NOT NULL UNIQUE CHECK (hours > 0),
    version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO star_level (name, hours) VALUES
    ('一星', 100), ('二星', 300), ('三星', 600), ('四星', 1000), ('五星', 1500);

CREATE TABLE star_award (
    id           INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteer(id),
    level_id     INTEGER NOT NULL REFERENCES star_level(id),
    minutes      INTEGER NOT NULL CHECK (minutes >= 0),
    awarded_on   TEXT NOT NULL,
    awarded_by   TEXT NOT NULL,
    UNIQUE (volunteer_id, level_id)
);

-- 志愿服务记录证明: numbered ZM-YYYY-NNNNN in the write transaction that
-- issues it, with the four blocks the 2015 guideline names as they were on
-- the day it was issued: the volunteer's name, ID type and number as
-- printed (masked 前3后4, or in full when the volunteer asked), so a copy
-- printed later says what the first did. Voided with a reason, never
-- deleted.
CREATE TABLE certificate (
    id           INTEGER PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq > 0),
    volunteer_id INTEGER NOT NULL REFERENCES volunteer(id),
    volunteer_name TEXT NOT NULL,
    id_type      TEXT NOT NULL DEFAULT '',
    id_number    TEXT NOT NULL DEFAULT '',
    period_from  TEXT NOT NULL CHECK (length(period_from) = 10),
    period_to    TEXT NOT NULL CHECK (length(period_to) = 10 AND period_to >= period_from),
    minutes      INTEGER NOT NULL CHECK (minutes > 0),
    content      TEXT NOT NULL DEFAULT '',
    issuer       TEXT NOT NULL,
    head         TEXT NOT NULL DEFAULT '',
    handler      TEXT NOT NULL,
    contact      TEXT NOT NULL DEFAULT '',
    id_in_full   INTEGER NOT NULL DEFAULT 0 CHECK (id_in_full IN (0, 1)),
    issued_on    TEXT NOT NULL,
    issued_by    TEXT NOT NULL,
    voided_at    TEXT NOT NULL DEFAULT '',
    voided_by    TEXT NOT NULL DEFAULT '',
    void_reason  TEXT NOT NULL DEFAULT '',
    CHECK (voided_at = '' OR void_reason <> ''),
    UNIQUE (year, seq)
);
CREATE INDEX certificate_volunteer ON certificate(volunteer_id);
CREATE TRIGGER certificate_kept BEFORE DELETE ON certificate
BEGIN
    SELECT RAISE(ABORT, 'a certificate is voided, never deleted');
END;

-- 019_hours: 志愿活动 and 志愿服务记录: the activities a team runs and the minutes
-- each volunteer served in them, signed in and out at the desk.

-- Service categories (服务类别): a short editable table, seeded with the
-- kinds community volunteering usually takes.
CREATE TABLE service_category (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE CHECK (name <> ''),
    retired INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
);
INSERT INTO service_category (name) VALUES
    ('社区服务'), ('助老助残'), ('环境保护'), ('文明劝导'), ('平安巡逻'),
    ('应急救援'), ('医疗卫生'), ('法律服务'), ('文化教育'), ('关爱儿童');

-- An activity: who runs it, what, where and when (starts_at and ends_at
-- are 'YYYY-MM-DD HH:MM'), its leader among the volunteers, how many it
-- takes, its status and whether it is service or training. Never deleted:
-- a called-off activity is cancelled.
CREATE TABLE activity (
    id          INTEGER PRIMARY KEY,
    team_id     INTEGER NOT NULL REFERENCES team(id),
    name        TEXT NOT NULL CHECK (name <> ''),
    category_id INTEGER REFERENCES service_category(id),
    place       TEXT NOT NULL DEFAULT '',
    starts_at   TEXT NOT NULL CHECK (length(starts_at) = 16),
    ends_at     TEXT NOT NULL CHECK (length(ends_at) = 16 AND ends_at > starts_at),
    content     TEXT NOT NULL DEFAULT '',
    leader_id   INTEGER REFERENCES volunteer(id),
    quota       INTEGER NOT NULL DEFAULT 0 CHECK (quota >= 0),
    status      TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'running', 'ended', 'cancelled')),
    kind        TEXT NOT NULL DEFAULT 'service' CHECK (kind IN ('service', 'training')),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX activity_team ON activity(team_id);
CREATE INDEX activity_starts ON activity(starts_at);

-- A service record: one sign-in and sign-out pair of a volunteer at an
-- activity on a day, to the minute ('HH:MM'; sign_out '' while signed
-- in), and the minutes it counts (0 until signed out). At most three pairs
-- per volunteer, activity and day, and no two of a volunteer's pairs
-- overlapping: checked by the store (src/hours.h) in the write transaction.
CREATE TABLE service_record (
    id           INTEGER PRIMARY KEY,
    volunteer_id INTEGER NOT NULL REFERENCES volunteer(id),
    activity_id  INTEGER NOT NULL REFERENCES activity(id),
    day          TEXT NOT NULL CHECK (length(day) = 10),
    sign_in      TEXT NOT NULL CHECK (length(sign_in) = 5),
    sign_out     TEXT NOT NULL DEFAULT '' CHECK (sign_out = '' OR sign_out > sign_in),
    minutes      INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
);
CREATE INDEX service_record_volunteer_day ON service_record(volunteer_id, day);
CREATE INDEX service_record_activity_day ON service_record(activity_id, day);

-- 014_posts: the people a centre works with (工作人员), the blocks (片) a
-- street is divided into, and every post (岗位 / 派驻) a person holds over
-- a place: 街长 over a street, 片长 over a block, 楼长 and 楼宇指导员 over
-- a building, 网格长 and 网格员 over a grid. A post runs from its first day
-- up to (not including) its end day; a hand-over ends the old post and
-- starts the new one on the same day, so "who held it on D" always has
-- one answer. Posts are never deleted: history is read back as it was.

-- 工作人员: name, phone, kind (staff_kind), employer, and the bangban user
-- who is this person, when there is one. Retired, never deleted.
CREATE TABLE staff (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (name <> ''),
    phone       TEXT NOT NULL DEFAULT '',
    phone_rev   TEXT NOT NULL DEFAULT '',   -- the phone reversed: its last digits are a prefix
    kind_id     INTEGER NOT NULL REFERENCES staff_kind(id),
    employer    TEXT NOT NULL DEFAULT '',
    user_id     INTEGER REFERENCES user(id),
    search_keys TEXT NOT NULL DEFAULT '',   -- pinyin keys of the name, space-separated
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX staff_phone_rev ON staff(phone_rev);
CREATE INDEX staff_name ON staff(name);

-- 片: a named group of buildings and grids inside one street.
CREATE TABLE block (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name        TEXT NOT NULL CHECK (name <> ''),
    street_id   INTEGER NOT NULL REFERENCES street(id),
    search_keys TEXT NOT NULL DEFAULT '',
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);
CREATE INDEX block_street ON block(street_id);

-- What a block holds: each building and each grid in one block at most.
CREATE TABLE block_building (
    building_id INTEGER PRIMARY KEY REFERENCES building(id),
    block_id    INTEGER NOT NULL REFERENCES block(id)
);
CREATE INDEX block_building_block ON block_building(block_id);
CREATE TABLE block_grid (
    grid_id     INTEGER PRIMARY KEY REFERENCES grid(id),
    block_id    INTEGER NOT NULL REFERENCES block(id)
);
CREATE INDEX block_grid_block ON block_grid(block_id);

-- 岗位: one person's responsibility over one place, from start_on up to
-- end_on ('' while it runs). The place is the one column its kind names.
CREATE TABLE post (
    id           INTEGER PRIMARY KEY,
    staff_id     INTEGER NOT NULL REFERENCES staff(id),
    kind         TEXT NOT NULL CHECK (kind IN ('street_chief', 'block_chief', 'building_chief',
                                               'building_instructor', 'grid_head', 'grid_worker')),
    street_id    INTEGER REFERENCES street(id),
    block_id     INTEGER REFERENCES block(id),
    building_id  INTEGER REFERENCES building(id),
    grid_id      INTEGER REFERENCES grid(id),
    start_on     TEXT NOT NULL CHECK (start_on <> ''),
    end_on       TEXT NOT NULL DEFAULT '' CHECK (end_on = '' OR end_on >= start_on),
    appointed_by TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',   -- the hand-over note
    handed_from  INTEGER REFERENCES post(id), -- the post this one took over
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    CHECK ((street_id IS NOT NULL) + (block_id IS NOT NULL) + (building_id IS NOT NULL)
           + (grid_id IS NOT NULL) = 1)
);
CREATE INDEX post_staff ON post(staff_id);
CREATE INDEX post_building ON post(building_id, kind, start_on) WHERE building_id IS NOT NULL;
CREATE INDEX post_street ON post(street_id, kind, start_on) WHERE street_id IS NOT NULL;
CREATE INDEX post_block ON post(block_id, kind, start_on) WHERE block_id IS NOT NULL;
CREATE INDEX post_grid ON post(grid_id, kind, start_on) WHERE grid_id IS NOT NULL;
CREATE INDEX post_end ON post(end_on);

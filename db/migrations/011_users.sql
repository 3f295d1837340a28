-- 011_users: who is at the keyboard. A user (操作员) has a login, a name
-- and phone, a role (src/roles.c: desk, unit, chief, volunteers,
-- supervisor, admin, kiosk), a scope (a unit for a unit handler; a
-- community, street or the district for a desk), the operating-system
-- login it may be bound to (peer login: no password asked), a yescrypt
-- password hash, its failed attempts in a row and when a lock ends.
-- Users are retired, never deleted. A database with no user at all runs
-- as before, acting as the operating-system login.
CREATE TABLE user (
    id          INTEGER PRIMARY KEY,
    login       TEXT NOT NULL UNIQUE CHECK (login <> ''),
    name        TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    role        TEXT NOT NULL CHECK (role IN ('desk', 'unit', 'chief', 'volunteers',
                                              'supervisor', 'admin', 'kiosk')),
    unit_id     INTEGER REFERENCES unit(id),
    scope       TEXT NOT NULL DEFAULT '',
    os_login    TEXT UNIQUE CHECK (os_login <> ''),
    password    TEXT NOT NULL DEFAULT '',   -- crypt(3) "$y$..."; '' when none is set
    failed      INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD HH:MM:SS local; '' when not locked
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

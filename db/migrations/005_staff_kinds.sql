-- 工作人员类别: the kinds of staff a centre works with (党建社工,
-- 党建指导员, 街道干部 ...), an editable list that staff and their posts
-- (楼长, 街长, 网格员) refer to. Seeded with the kinds the district's
-- practice names; a district edits, adds and retires its own.
CREATE TABLE staff_kind (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name        TEXT NOT NULL UNIQUE CHECK (name <> ''),
    note        TEXT NOT NULL DEFAULT '',
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

INSERT INTO staff_kind (code, name, note, created_at, created_by, updated_at, updated_by)
SELECT code, name, note, '', 'bangban', '', 'bangban'
FROM (SELECT 'SW' AS code, '党建社工' AS name, '派驻商务楼宇，任楼长' AS note
      UNION ALL SELECT 'PI', '党建指导员', '派驻商务楼宇，指导党建'
      UNION ALL SELECT 'SO', '街道干部', '任街长、片长'
      UNION ALL SELECT 'CS', '社区书记', ''
      UNION ALL SELECT 'GW', '网格员', '巡查网格，上报事件'
      UNION ALL SELECT 'EG', '环保市容网格专员', '') AS k;
-- (The seed rows' times are written by the step's C (db/migrate.c) in
-- local time, as the program writes every time it saves.)

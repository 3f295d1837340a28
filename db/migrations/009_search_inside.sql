-- Residents are found by the pinyin of a syllable inside their names
-- (sf, sanfeng: 张三丰; aili: 买买提·艾力), filed apart from the keys of
-- the name's start so that those still rank first; a name is filed without
-- its middle dot (买买提艾力 finds 买买提·艾力), and every dot variant a
-- ledger or an input method brings is stored as U+00B7. The names are
-- folded and the search tables filled again by this migration's C step
-- (db/migrate.c).
CREATE TABLE resident_key_inner (
    term     TEXT NOT NULL,
    first    BLOB NOT NULL,
    n        INTEGER NOT NULL,
    postings BLOB NOT NULL,
    PRIMARY KEY (term, first)
) WITHOUT ROWID;

DELETE FROM resident_gram;
DELETE FROM resident_key;

-- 同义词: what a resident says for a service (供暖, 低保) and the word the
-- catalogue's names use for it (供热, 最低生活保障). The service-item
-- search finds items named with the word too. An editable list.
CREATE TABLE synonym (
    id          INTEGER PRIMARY KEY,
    word        TEXT NOT NULL UNIQUE CHECK (word <> ''),
    target      TEXT NOT NULL CHECK (target <> ''),
    retired     INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
    version     INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
);

INSERT INTO synonym (word, target, created_at, created_by, updated_at, updated_by)
SELECT word, target, '', 'bangban', '', 'bangban'
FROM (SELECT '供暖' AS word, '供热' AS target
      UNION ALL SELECT '暖气', '供热'
      UNION ALL SELECT '低保', '最低生活保障'
      UNION ALL SELECT '电梯', '加装电梯'
      UNION ALL SELECT '煤气', '燃气'
      UNION ALL SELECT '天然气', '燃气'
      UNION ALL SELECT '断电', '停电'
      UNION ALL SELECT '医保', '医疗保险'
      UNION ALL SELECT '社保卡', '社会保障卡'
      UNION ALL SELECT '噪音', '噪声'
      UNION ALL SELECT '违建', '违法建设'
      UNION ALL SELECT '摆摊', '占道经营'
      UNION ALL SELECT '退伍军人', '退役军人'
      UNION ALL SELECT '上学', '入学'
      UNION ALL SELECT '邻居', '邻里') AS s;
-- (The seed rows' times are written by the step's C in local time.)

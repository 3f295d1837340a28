-- 012_user_buildings: the buildings a building chief (楼长) acts for.
-- Written with the user, in one transaction; a chief's queues are
-- narrowed by them. A building retired later stays listed here (the
-- history of who looked after it stays readable); a new one must be active.
CREATE TABLE user_building (
    user_id     INTEGER NOT NULL REFERENCES user(id),
    building_id INTEGER NOT NULL REFERENCES building(id),
    PRIMARY KEY (user_id, building_id)
) WITHOUT ROWID;
CREATE INDEX user_building_building ON user_building(building_id);

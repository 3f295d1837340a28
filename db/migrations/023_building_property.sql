-- 023_building_property: a building's property company (物业公司) and its
-- service phone (物业电话), as the building's 楼宇台账 and its lobby give
-- them. Empty for a building whose property company is not on file (a
-- residential block often has none).
ALTER TABLE building ADD COLUMN property TEXT NOT NULL DEFAULT '';
ALTER TABLE building ADD COLUMN property_phone TEXT NOT NULL DEFAULT '';

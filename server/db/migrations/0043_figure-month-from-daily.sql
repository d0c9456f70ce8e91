-- The month grain of the counters the daily grain already holds (decision 0040): each daily counter adds to one
-- row per dimension of its month.
INSERT INTO "figure_month" ("county_code", "month", "dim", "key", "fact", "n")
SELECT "county_code", left("day", 7), d.dim, d.key, "fact", sum("n")::int
FROM "figure_count",
  LATERAL (VALUES ('grid', "grid_code"), ('unit', "unit_code"), ('item', "item_code"), ('source', "source"), ('day', "day")) AS d(dim, key)
WHERE "n" <> 0
GROUP BY 1, 2, 3, 4, 5
HAVING sum("n") <> 0;

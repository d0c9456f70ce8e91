-- Partial-name search over a million people. Chinese names are two to four characters, so the usual query is one
-- or two characters: it has no trigram, and pg_trgm (0003) scanned every row for it. Each name's characters and
-- pairs of neighbouring characters, indexed with GIN over text[], serve a query of any length with core PostgreSQL
-- only (PGlite too); the query asks for all of its own pairs (or its one character), then ILIKE keeps the rows
-- where they stand together. The query side is `nameGrams` in server/registry/registry.store.ts.
CREATE FUNCTION name_grams(name text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array(
    SELECT DISTINCT substr(lower(name), i, n)
    FROM generate_series(1, char_length(name)) AS i, (VALUES (1), (2)) AS g(n)
    WHERE i + n - 1 <= char_length(name)
  )
$$;
--> statement-breakpoint
CREATE INDEX person_name_grams_idx ON person USING gin (name_grams(name));
--> statement-breakpoint
DROP INDEX IF EXISTS person_name_trgm_idx;

-- Partial-name search over a million people wants a trigram index. pg_trgm may speed it up but is never
-- required (DESIGN: portable PostgreSQL): where the extension cannot be created (PGlite, a locked-down
-- server) the search still works, by scanning.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE INDEX IF NOT EXISTS person_name_trgm_idx ON person USING gin (name gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available: partial-name search scans';
END
$$;

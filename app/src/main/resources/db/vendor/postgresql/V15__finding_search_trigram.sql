-- The findings list's text search (search_text like '%…%') and its system filter ((', ' || systems || ', ') like
-- '%, sys, %') as index look-ups instead of reading every finding of the run: trigram indexes (pg_trgm).
--
-- pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13 and later): the database's owner may
-- create it without being a superuser. Where it cannot be created (an older server, no privilege, the contrib
-- files missing), this migration still succeeds without the indexes, and the search reads the run's findings as
-- before: slower, the same answers (docs/operations.md).
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm could not be created (%): the findings search reads every finding of a run', SQLERRM;
END $$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX finding_search_trigram ON finding USING gin (search_text gin_trgm_ops)';
        EXECUTE 'CREATE INDEX finding_systems_trigram ON finding USING gin ((' || quote_literal(', ')
                || ' || systems || ' || quote_literal(', ') || ') gin_trgm_ops)';
    END IF;
END $$;

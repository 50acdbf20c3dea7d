-- The findings list's text search (search_text like '%…%') and its system filter ((', ' || systems || ', ') like
-- '%, sys, %') as index look-ups instead of reading every finding of the run: trigram indexes (pg_trgm).
--
-- pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13 and later): the database's owner may
-- create it without being a superuser. Where it cannot be created or used (an older server, no privilege, the
-- contrib files missing, an odd schema), this migration still succeeds without the indexes, and the search reads
-- the run's findings as before: slower, the same answers (docs/operations.md).
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm could not be created (%): the findings search reads every finding of a run', SQLERRM;
END $$;

DO $$
DECLARE
    -- The extension may live in a schema that is not on the search path (hosted databases often install
    -- extensions into one of their own): the operator class is named with it.
    trgm_schema text;
BEGIN
    SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
    IF trgm_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX finding_search_trigram ON finding USING gin (search_text %I.gin_trgm_ops)',
                       trgm_schema);
        EXECUTE format('CREATE INDEX finding_systems_trigram ON finding USING gin ((%L || systems || %L) %I.gin_trgm_ops)',
                       ', ', ', ', trgm_schema);
    END IF;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'trigram indexes could not be created (%): the findings search reads every finding of a run', SQLERRM;
END $$;

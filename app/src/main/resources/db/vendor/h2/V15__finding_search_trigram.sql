-- PostgreSQL only (db/vendor/postgresql/V15): H2 has no trigram index. Kept so both databases carry the same
-- versions; H2's search reads the run's findings, as it always has.
SELECT 1;

-- PostgreSQL only (db/vendor/postgresql/V17): there the run's snapshot rows lose their foreign keys, which cost a
-- look-up per row of a bulk write. H2 holds demo-sized runs, where the keys cost nothing; they stay.
SELECT 1;

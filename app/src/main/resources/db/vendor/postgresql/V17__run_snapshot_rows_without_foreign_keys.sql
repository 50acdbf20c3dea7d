-- A run's snapshot rows (its accounts and its matrix rows: 400,000 and 104,306 on the large bench set) are written once,
-- with COPY, by RunDetailsRepository in the transaction that finishes the run, and never changed or deleted. Each
-- foreign key made PostgreSQL look the run and the institution up once per row: the accounts' two keys doubled the
-- time their COPY took (11–13 s against 6–7 s, docs/performance.md, session 7). The run row they name exists before
-- they are written, and it names the institution; decision 0016.
ALTER TABLE run_account DROP CONSTRAINT IF EXISTS run_account_institution_id_fkey;
ALTER TABLE run_account DROP CONSTRAINT IF EXISTS run_account_run_id_fkey;
ALTER TABLE run_subject DROP CONSTRAINT IF EXISTS run_subject_institution_id_fkey;
ALTER TABLE run_subject DROP CONSTRAINT IF EXISTS run_subject_run_id_fkey;

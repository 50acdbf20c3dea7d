-- Indexes for the findings list and the person page on a large run (issue 4; measured in docs/performance.md,
-- "Web app on the large set"). Every findings-list query is scoped to one run; these let PostgreSQL (and H2) find a
-- filter's rows, or the first page of a sort, from an index in the list's own order (the engine's seq breaks ties)
-- instead of reading and sorting every finding of the run.
create index finding_run_kind on finding (run_id, kind, seq);
create index finding_run_rule on finding (run_id, rule, seq);
create index finding_run_severity on finding (run_id, severity, seq);
-- Also the person page's findings and the org-unit filter (findings of the unit's persons).
create index finding_run_person on finding (run_id, person_key, seq);

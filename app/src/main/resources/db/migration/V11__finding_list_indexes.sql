-- Indexes for the findings list and the person page on a large run (issue 4; measured in docs/performance.md,
-- "Web app on the large set"). Every findings query is scoped to one institution and one run; with both equal, these
-- give a filter's rows, or the first page of a sort, in the list's own order (the engine's seq breaks ties) instead
-- of reading and sorting every finding of the run, and answer the filter form's distinct kinds and rules from the
-- index alone.
create index finding_run_kind on finding (institution_id, run_id, kind, seq);
create index finding_run_rule on finding (institution_id, run_id, rule, seq);
create index finding_run_severity on finding (institution_id, run_id, severity, seq);
-- The person page's findings, and the org-unit filter (the findings of the unit's persons).
create index finding_run_person on finding (institution_id, run_id, person_key, seq);

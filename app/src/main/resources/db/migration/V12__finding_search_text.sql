-- The findings list's text search (issue 4): one column holding, in lower case, what the search looks in (the
-- explanation, the accounts and the person), written with the finding. Searching it reads one prepared text per
-- finding instead of lower-casing three columns of every finding of the run on every search: about 4x faster on
-- the large set (docs/performance.md).
alter table finding add column search_text text;
update finding set search_text = lower(coalesce(explanation, '') || ' ' || coalesce(accounts, '') || ' '
                                       || coalesce(person_key, ''));
-- The list's default order (severity, i.e. the engine's seq) with the id: a page's ids come from the index alone.
create index finding_run_seq on finding (institution_id, run_id, seq, id);

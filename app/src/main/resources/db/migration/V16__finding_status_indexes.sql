-- The findings list filtered on a status (StoredFinding.statusIs): the few findings with a decision or with
-- documentation are found through these, rather than by reading every finding of the run and its decision.
create index finding_run_decision on finding (institution_id, run_id, decision_id);
create index finding_run_documented on finding (institution_id, run_id, documented_until);

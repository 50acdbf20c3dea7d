-- A running analysis is touched by the instance that runs it; one whose instance stopped is marked failed.
alter table analysis_run add column heartbeat_at timestamp with time zone;
-- An expired acceptance is announced once, even with several instances.
alter table finding_decision add column expiry_noticed_at timestamp with time zone;
-- A finding reopened because its access changed is announced once per decision, not at every later run.
alter table finding_decision add column change_noticed_at timestamp with time zone;

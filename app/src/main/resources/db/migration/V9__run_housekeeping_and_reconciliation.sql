-- A running analysis is touched by the instance that runs it; one whose instance stopped is marked failed.
alter table analysis_run add column heartbeat_at timestamp with time zone;
-- An expired acceptance is announced once, even with several instances.
alter table finding_decision add column expiry_noticed_at timestamp with time zone;
-- A finding reopened because its access changed is announced once per decision, not at every later run.
alter table finding_decision add column change_noticed_at timestamp with time zone;

-- A run may reconcile a second extract of a system (e.g. the IGA's view) against the system's own for chosen
-- entitlements (ACC-7); that file is frozen with the run beside its ordinary inputs.
alter table analysis_run_input add column purpose varchar(20) default 'INPUT' not null;
alter table analysis_run add column reconcile_entitlements varchar(2000);

-- Retention: an administrator may delete a superseded or discarded original; the row stays as the record that it
-- existed and who deleted it, why and when.
alter table evidence_file add column deleted_by bigint;
alter table evidence_file add column deleted_at timestamp with time zone;
alter table evidence_file add column delete_reason varchar(2000);
alter table evidence_file add constraint evidence_file_deleted_by foreign key (deleted_by) references app_user (id);

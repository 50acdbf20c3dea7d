-- The import profile an extract was read with (issue 4): chosen (or confirmed) by the user for each upload instead
-- of fixed on the system. Kept with the upload while it is checked and with the evidence it becomes, so the preview
-- and every run read the file as it was checked, even after the system's profile changes. Null: the canonical
-- columns (and always for change logs and parameter files, which have no profiles).
alter table extract_upload add column import_profile varchar(200);
alter table evidence_file add column import_profile varchar(200);
-- Files kept before this were checked, and are read by runs, with their system's profile.
update evidence_file set import_profile = (select s.import_profile from it_system s where s.id = evidence_file.system_id)
where kind = 'EXTRACT';
update extract_upload set import_profile = (select s.import_profile from it_system s where s.id = extract_upload.system_id)
where kind = 'EXTRACT';

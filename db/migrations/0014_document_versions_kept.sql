-- An adopted version is an official record, like the audit trail: besides changes (0012), the database refuses to
-- delete or truncate it. Its plan cannot go either (restrict), so what the college adopted stays.
create function refuse_version_removal() returns trigger language plpgsql as $$
begin
  raise exception 'Een vastgestelde versie blijft bewaard en kan niet worden verwijderd' using errcode = 'P0001';
end
$$;
create trigger document_versions_no_delete before delete on document_versions
  for each row execute function refuse_version_removal();
create trigger document_versions_no_truncate before truncate on document_versions
  for each statement execute function refuse_version_removal();

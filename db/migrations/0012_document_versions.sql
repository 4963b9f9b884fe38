-- Frozen versions of what the college adopts and the council reads (issue 5): a programme or plan, the progress report
-- of a closed update round, the evaluation at the end of a programme. Adoption stores the document exactly as adopted:
-- its content (the canonical JSON the files were rendered from) and the rendered files themselves. The plan goes on as
-- a new draft; the version stays readable byte for byte. Only its workflow facts move on: adopted by the college →
-- sent to the council or a committee for information → published on the public site.
create table document_versions (
  id uuid primary key,
  owner_id uuid not null references organisations (id),
  -- An adopted document is an official record: a plan with versions cannot be deleted (restrict).
  plan_id uuid not null references plans (id) on delete restrict,
  document text not null check (document in ('plan', 'progress_report', 'evaluation')),
  -- The closed round a progress report is about.
  round_id uuid references update_rounds (id) on delete restrict,
  -- 1, 2, … per plan, document and round.
  number integer not null check (number > 0),
  title text not null,
  status text not null default 'adopted' check (status in ('adopted', 'sent_to_council', 'published')),
  adopted_by text not null check (adopted_by in ('council', 'college', 'mayor')),
  adopted_on date not null,
  decision_reference text,
  -- Ter kennisname: the council or the committee, and the meeting date.
  council_body text,
  council_on date,
  published_at timestamptz,
  -- What was adopted, as canonical JSON text (not jsonb: the bytes stay as written), its SHA-256, and the files.
  content text not null,
  content_hash text not null,
  html text not null,
  docx bytea not null,
  pdf bytea not null,
  created_by_user_id uuid,
  created_by_label text not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  check ((document = 'progress_report') = (round_id is not null)),
  check ((status = 'published') = (published_at is not null)),
  check (status = 'adopted' or council_on is not null or status = 'published')
);
create unique index document_versions_number on document_versions (plan_id, document, coalesce(round_id, plan_id), number);
create index document_versions_owner on document_versions (owner_id);
create index document_versions_published on document_versions (owner_id, plan_id) where status = 'published';

-- What was adopted never changes: only the workflow facts may, and the status only forward.
create function refuse_frozen_document_change() returns trigger language plpgsql as $$
begin
  if (new.id, new.owner_id, new.plan_id, new.document, new.round_id, new.number, new.title, new.adopted_by,
      new.adopted_on, new.decision_reference, new.content, new.content_hash, new.html, new.docx, new.pdf,
      new.created_by_user_id, new.created_by_label, new.created_at)
     is distinct from
     (old.id, old.owner_id, old.plan_id, old.document, old.round_id, old.number, old.title, old.adopted_by,
      old.adopted_on, old.decision_reference, old.content, old.content_hash, old.html, old.docx, old.pdf,
      old.created_by_user_id, old.created_by_label, old.created_at) then
    raise exception 'Een vastgestelde versie kan niet meer worden gewijzigd' using errcode = 'P0001';
  end if;
  if array_position(array['adopted', 'sent_to_council', 'published'], new.status)
     < array_position(array['adopted', 'sent_to_council', 'published'], old.status) then
    raise exception 'De status van een vastgestelde versie gaat alleen vooruit' using errcode = 'P0001';
  end if;
  return new;
end
$$;
create trigger document_versions_frozen before update on document_versions
  for each row execute function refuse_frozen_document_change();

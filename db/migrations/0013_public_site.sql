-- The public site (issue 5, ADR 0015): an organisation's design tokens for its pages – the header colour, the link
-- colour, the name in the header and the contact address of the accessibility statement – as one small json object,
-- validated by the domain (hex colours with at least 4.5:1 contrast against white) before it is written.
alter table organisations add column public_site jsonb;

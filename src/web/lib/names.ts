import type { TOrganisation, TPerson } from '../../domain/schemas.ts';

/** Looks up the names of people and organisations by id, for tables that hold ids. */
export interface Names {
  person(id: string): string | undefined;
  personList(ids: string[]): string;
  organisation(id: string): string | undefined;
  organisationList(ids: string[]): string;
}

export function makeNames(people: TPerson[], organisations: TOrganisation[]): Names {
  const personById = new Map(people.map((p) => [p.id, p.name]));
  const orgById = new Map(organisations.map((o) => [o.id, o.shortName || o.name]));
  const list = (map: Map<string, string>, ids: string[]) =>
    ids.map((id) => map.get(id)).filter((n): n is string => !!n).join(', ');
  return {
    person: (id) => personById.get(id),
    personList: (ids) => list(personById, ids),
    organisation: (id) => orgById.get(id),
    organisationList: (ids) => list(orgById, ids),
  };
}

import type { FormEvent } from 'react';
import {
  Button, ButtonGroup, FormField, FormFieldDescription, FormLabel, Select, SelectOption, Textbox,
} from '@utrecht/component-library-react';
import { ACTIVITY_STATUSES, THEME_SCOPES, type TOrganisation, type TTheme } from '../../domain/schemas.ts';
import type { ActivityFilter } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { formatQuarterCode } from '../../text/format.ts';
import { AppLink } from './AppLink.tsx';

interface Props {
  filter: ActivityFilter;
  themes: TTheme[];
  partners: TOrganisation[];
  /** The people responsible for activities of the programme; without them, no person filter. */
  people?: { id: string; name: string }[];
  quarters: string[];
  /** The chosen filters as URL parameters. */
  onApply: (params: Record<string, string>) => void;
  clearTo: string;
}

interface SelectProps {
  name: keyof ActivityFilter;
  label: string;
  value?: string;
  options: { value: string; label: string }[];
}

function FilterSelect({ name, label, value, options }: SelectProps) {
  const id = `filter-${name}`;
  return (
    <FormField label={<FormLabel htmlFor={id}>{label}</FormLabel>} className="regie-filter">
      <Select id={id} name={name} defaultValue={value ?? ''}>
        <SelectOption value="">{nl.programme.all}</SelectOption>
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>{o.label}</SelectOption>
        ))}
      </Select>
    </FormField>
  );
}

/** Narrow screens start with the filters folded, so the results come first. */
const isNarrow = () => typeof window !== 'undefined' && window.matchMedia?.('(width < 40em)').matches;

/**
 * The filters of the activity table, in a disclosure that says how many are on ("Filters (2)"): open on a wide
 * screen, folded on a phone. Applied with a button, not on change: a select must not navigate (WCAG 3.2.2).
 */
export function ActivityFilterForm({ filter, themes, partners, people = [], quarters, onApply, clearTo }: Props) {
  const activeCount = Object.values(filter).filter(Boolean).length;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const [key, value] of data.entries()) {
      if (typeof value === 'string' && value.trim()) next[key] = value.trim();
    }
    onApply(next);
  };
  return (
    <details className="regie-filter-form" open={!isNarrow()}>
      <summary className="regie-filter-summary">{nl.programme.filtersCount(activeCount)}</summary>
      <form onSubmit={submit} role="search" aria-label={nl.programme.filters}>
        <div className="regie-filter-grid">
          <FilterSelect
            name="themeId" label={nl.programme.theme} value={filter.themeId}
            options={themes.map((t) => ({ value: t.id, label: [t.number, t.title].filter(Boolean).join(' ') }))}
          />
          <FilterSelect
            name="scope" label={nl.programme.scope} value={filter.scope}
            options={THEME_SCOPES.map((s) => ({ value: s, label: nl.labels.scope[s] }))}
          />
          <FilterSelect
            name="stakeholderId" label={nl.programme.partner} value={filter.stakeholderId}
            options={partners.map((o) => ({ value: o.id, label: o.name }))}
          />
          {people.length > 0 && (
            <FilterSelect
              name="responsibleId" label={nl.programme.person} value={filter.responsibleId}
              options={people.map((p) => ({ value: p.id, label: p.name }))}
            />
          )}
          <FilterSelect
            name="quarter" label={nl.programme.quarter} value={filter.quarter}
            options={quarters.map((q) => ({ value: q, label: formatQuarterCode(q) }))}
          />
          <FilterSelect
            name="status" label={nl.programme.status} value={filter.status}
            options={ACTIVITY_STATUSES.map((s) => ({ value: s, label: nl.labels.activityStatus[s] }))}
          />
          <FilterSelect
            name="lagging" label={nl.programme.progress} value={filter.lagging}
            options={[{ value: 'true', label: nl.programme.lagging }]}
          />
          <FormField
            label={<FormLabel htmlFor="filter-q">{nl.programme.search}</FormLabel>}
            description={<FormFieldDescription id="filter-q-help">{nl.programme.searchHelp}</FormFieldDescription>}
            className="regie-filter regie-filter--wide"
          >
            <Textbox id="filter-q" name="q" type="search" defaultValue={filter.q ?? ''} aria-describedby="filter-q-help" />
          </FormField>
        </div>
        <ButtonGroup className="regie-filter-actions">
          <Button type="submit" appearance="primary-action-button">{nl.programme.apply}</Button>
          <AppLink to={clearTo}>{nl.programme.clear}</AppLink>
        </ButtonGroup>
      </form>
    </details>
  );
}

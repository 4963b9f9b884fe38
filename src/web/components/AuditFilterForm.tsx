import { useRef, useState, type FormEvent } from 'react';
import {
  Button, ButtonGroup, Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Select, SelectOption,
  Textbox,
} from '@utrecht/component-library-react';
import type { AuditFilter } from '../api/types.ts';
import { nl } from '../../text/nl/web.ts';
import { AppLink } from './AppLink.tsx';

interface Props {
  filter: AuditFilter;
  onApply: (params: Record<string, string>) => void;
  clearTo: string;
}

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

function FilterSelect({ name, label, value, labels }: { name: string; label: string; value?: string; labels: Record<string, string> }) {
  const id = `audit-${name}`;
  return (
    <FormField label={<FormLabel htmlFor={id}>{label}</FormLabel>} className="regie-filter">
      <Select id={id} name={name} defaultValue={value ?? ''}>
        <SelectOption value="">{nl.audit.all}</SelectOption>
        {options(labels).map((o) => (
          <SelectOption key={o.value} value={o.value}>{o.label}</SelectOption>
        ))}
      </Select>
    </FormField>
  );
}

function DateFilter({ name, label, value, error }: { name: string; label: string; value?: string; error?: string }) {
  const id = `audit-${name}`;
  return (
    <FormField
      label={<FormLabel htmlFor={id}>{label}</FormLabel>}
      invalid={!!error}
      errorMessage={error && <FormFieldErrorMessage id={`${id}-error`} className="regie-field-error">{error}</FormFieldErrorMessage>}
      className="regie-filter"
    >
      <Textbox
        id={id} name={name} type="date" defaultValue={value ?? ''} invalid={!!error}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}
      />
    </FormField>
  );
}

/** The filters of the audit log: action, part and period. Applied with a button; the URL keeps them. */
export function AuditFilterForm({ filter, onApply, clearTo }: Props) {
  const [dateError, setDateError] = useState<string>();
  const formRef = useRef<HTMLFormElement>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [key, value] of new FormData(event.currentTarget).entries()) {
      if (typeof value === 'string' && value.trim()) next[key] = value.trim();
    }
    if (next.from && next.to && next.to < next.from) {
      setDateError(nl.audit.dateOrder);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLInputElement>('#audit-to')?.focus());
      return;
    }
    setDateError(undefined);
    onApply(next);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="regie-filter-form" role="search" aria-label={nl.audit.filters}>
      <Fieldset>
        <FieldsetLegend>{nl.audit.filters}</FieldsetLegend>
        <div className="regie-filter-grid">
          <FilterSelect name="action" label={nl.audit.action} value={filter.action} labels={nl.audit.actions} />
          <FilterSelect name="entity" label={nl.audit.entity} value={filter.entity} labels={nl.audit.entities} />
          <DateFilter name="from" label={nl.audit.from} value={filter.from} />
          <DateFilter name="to" label={nl.audit.to} value={filter.to} error={dateError} />
        </div>
        <ButtonGroup className="regie-filter-actions">
          <Button type="submit" appearance="primary-action-button">{nl.audit.apply}</Button>
          <AppLink to={clearTo}>{nl.audit.clear}</AppLink>
        </ButtonGroup>
      </Fieldset>
    </form>
  );
}

import { useId, useState, type KeyboardEvent } from 'react';
import { Button, Textbox } from '@utrecht/component-library-react';
import { nl } from '../../text/nl/web.ts';
import { FieldFrame, fieldAria, type BaseFieldProps } from './FieldParts.tsx';

interface Props extends BaseFieldProps {
  value: string[];
  onChange: (value: string[]) => void;
  options: { value: string; label: string }[];
}

/** At most this many suggestions at once: typing narrows them. */
const MAX_SHOWN = 12;
const normal = (s: string) => s.toLocaleLowerCase('nl').normalize('NFD').replace(/\p{Diacritic}/gu, '');

/**
 * A searchable multi-select with chips (review D12: instead of ~70 checkboxes): an ARIA 1.2 combobox whose listbox
 * shows the options that match what is typed; Arrow keys move, Enter adds, Escape closes. Each chosen option is a chip
 * with its own remove button.
 */
export function MultiSelectField({ value, onChange, options, ...field }: Props) {
  const [query, setQuery] = useState('');
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [said, setSaid] = useState('');
  const listId = useId();
  const matches = options.filter((o) => !value.includes(o.value) && normal(o.label).includes(normal(query.trim()))).slice(0, MAX_SHOWN);
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  const optionDomId = (n: number) => `${listId}-${n}`;

  const add = (v: string) => {
    onChange([...value, v]);
    setSaid(nl.form.chipAdded(labelOf(v)));
    setQuery('');
    setActive(0);
  };
  const remove = (v: string) => {
    onChange(value.filter((x) => x !== v));
    setSaid(nl.form.chipRemoved(labelOf(v)));
    document.getElementById(fieldAria(field).id)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!isOpen) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((n) => (matches.length ? (n + step + matches.length) % matches.length : 0));
    } else if (e.key === 'Enter' && isOpen && matches[active]) {
      e.preventDefault();
      add(matches[active].value);
    } else if (e.key === 'Escape' && isOpen) {
      e.preventDefault();
      setOpen(false);
    }
  };
  const isShown = isOpen && matches.length > 0;

  return (
    <div className="regie-multiselect">
      <FieldFrame
        {...field}
        description={<>{field.description} {nl.form.multiSelectHelp}</>}
        input={
          <div className="regie-multiselect__box">
            <Textbox
              {...fieldAria({ ...field, description: true })}
              className="regie-input regie-input--large"
              role="combobox"
              aria-expanded={isShown}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={isShown ? optionDomId(active) : undefined}
              autoComplete="off"
              value={query}
              invalid={!!field.error}
              onChange={(e) => {
                setQuery(e.target.value);
                setOpen(true);
                setActive(0);
              }}
              onFocus={() => setOpen(true)}
              onBlur={() => setOpen(false)}
              onKeyDown={onKeyDown}
            />
            <ul id={listId} role="listbox" aria-label={field.label} hidden={!isShown} className="regie-multiselect__list">
              {matches.map((o, n) => (
                <li
                  key={o.value} id={optionDomId(n)} role="option" aria-selected={n === active}
                  className={n === active ? 'regie-multiselect__option regie-multiselect__option--active' : 'regie-multiselect__option'}
                  // mousedown, not click: the input must not lose focus (and close the list) first.
                  onMouseDown={(e) => {
                    e.preventDefault();
                    add(o.value);
                  }}
                >
                  {o.label}
                </li>
              ))}
            </ul>
          </div>
        }
      />
      {value.length > 0 && (
        <ul className="regie-chips" aria-label={nl.form.chosen(field.label)}>
          {value.map((v) => (
            <li key={v} className="regie-chip">
              <span>{labelOf(v)}</span>
              <Button type="button" appearance="subtle-button" className="regie-chip__remove" onClick={() => remove(v)}>
                <span aria-hidden="true">×</span>
                <span className="regie-visually-hidden">{nl.form.chipRemove(labelOf(v))}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <span className="regie-visually-hidden" aria-live="polite">{said}</span>
    </div>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { api, ApiError, type ResourceName, type Resources } from '../api/client.ts';
import { errorMessage } from '../components/LoadState.tsx';
import { useFocusRequest } from '../lib/useFocusRequest.ts';
import { useDraft } from './useDraft.ts';
import { fieldMessage } from '../../text/field-messages.ts';
import { announceSaved } from '../lib/savedNotice.ts';
import { nl } from '../../text/nl/web.ts';

/** Messages per field name ("title", "amounts"). */
export type FieldErrors = Record<string, string>;

export interface EntityFormOptions<V, R extends ResourceName> {
  resource: R;
  /** The stored record when editing; absent when creating. */
  record?: Resources[R];
  initial: V;
  /** Turns the form's values into the record's fields, with a message for each value that is not a number etc. */
  toFields: (values: V) => { fields: Record<string, unknown>; errors: FieldErrors };
  /** The domain's create schema: the same rules the server applies to every write. */
  schema: z.ZodType;
  /** Field names in the order they appear, for the error summary. */
  fieldOrder: readonly string[];
  onSaved: (saved: Resources[R]) => void;
  /** For long forms: a local draft under this key (per user), so a reload loses nothing; restored with a notice. */
  draftKey?: string;
  /**
   * The plan the record is content of: when it is adopted or published, the form warns that saving makes a new concept
   * (ADR 0020). Absent for monitoring (measurements, spending), which never does.
   */
  plan?: { id: string; status: string };
}

const fieldOf = (path: string | readonly PropertyKey[]) =>
  String(typeof path === 'string' ? path.split('.')[0] : (path[0] ?? ''));

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * State and submit of a create/edit form: validates with the domain schema before sending, sends only the changed
 * fields with the version read (PATCH), and turns the server's field errors and a 409 into messages.
 */
export function useEntityForm<V extends Record<string, unknown>, R extends ResourceName>(options: EntityFormOptions<V, R>) {
  const { resource, record, schema, fieldOrder } = options;
  const [values, setValues] = useState<V>(options.initial);
  const [initial] = useState<V>(options.initial);
  const draft = useDraft(options.draftKey ?? null, values, setValues, initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [isConflict, setConflict] = useState(false);
  const [isSaving, setSaving] = useState(false);
  const [summaryRef, focusSummary] = useFocusRequest<HTMLDivElement>();
  const [conflictRef, focusConflict] = useFocusRequest<HTMLDivElement>();

  const adopted = useAdoptedVersion(options.plan);

  const setValue = <K extends keyof V>(name: K, value: V[K]) => setValues((v) => ({ ...v, [name]: value }));

  const showErrors = (next: FieldErrors, general?: string) => {
    setErrors(next);
    setFormError(general);
    // After React has rendered the summary.
    focusSummary();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (isSaving) return;
    setConflict(false);
    const { fields, errors: conversionErrors } = options.toFields(values);
    const candidate = record ? { ...record, ...fields } : fields;
    const parsed = schema.safeParse(candidate);
    const found: FieldErrors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) found[fieldOf(issue.path)] ??= fieldMessage(resource, fieldOf(issue.path), issue.message);
    }
    Object.assign(found, conversionErrors);
    if (Object.keys(found).length || !parsed.success) {
      // A rule on a field the form does not show (a broken link to its plan): say it at the top.
      const other = Object.entries(found).filter(([f]) => !fieldOrder.includes(f)).map(([, m]) => m);
      return showErrors(found, other.length ? other.join(' ') : undefined);
    }

    const data = parsed.data as Record<string, unknown>;
    setSaving(true);
    try {
      let saved: Resources[R];
      if (record) {
        const changes = Object.fromEntries(
          Object.keys(fields).filter((k) => !same(data[k], (record as Record<string, unknown>)[k])).map((k) => [k, data[k]]),
        );
        saved = Object.keys(changes).length
          ? await api.update(resource, record.id, record.version, changes as Partial<Resources[R]>)
          : record;
      } else {
        saved = await api.create(resource, data as Partial<Resources[R]>);
      }
      setErrors({});
      draft.clear();
      const isWritten = saved !== record;
      const T = nl.servedVersion;
      announceSaved([T.saved[resource] ?? T.savedGeneric, ...(adopted && isWritten ? [T.nowDraft(adopted.stage, adopted.number)] : [])].join(' '));
      options.onSaved(saved);
    } catch (err) {
      if (err instanceof ApiError && err.isConflict) {
        setConflict(true);
        focusConflict();
      } else if (err instanceof ApiError && err.errors.length) {
        const server: FieldErrors = {};
        const other: string[] = [];
        for (const e of err.errors) {
          const field = fieldOf(e.path);
          if (fieldOrder.includes(field)) server[field] ??= e.message;
          else other.push(e.message);
        }
        showErrors(server, [errorMessage(err), ...other].join(' '));
      } else {
        showErrors({}, errorMessage(err));
      }
    } finally {
      setSaving(false);
    }
  };

  const summary = fieldOrder.filter((f) => errors[f]).map((f) => ({ field: f, message: errors[f] }));
  return { values, setValue, errors, summary, formError, isConflict, isSaving, submit, summaryRef, conflictRef, draft, adopted };
}

/** The stage (in words) and number of the adopted version of a plan that is not a concept now; null for a concept. */
function useAdoptedVersion(plan: { id: string; status: string } | undefined) {
  const stage = plan && plan.status !== 'draft' ? nl.servedVersion.stage[plan.status] : undefined;
  const [number, setNumber] = useState<number | null>(null);
  useEffect(() => {
    if (!stage || !plan) return;
    let isCurrent = true;
    api.listVersions(plan.id).then(
      (v) => isCurrent && setNumber(v.versions.find((x) => x.id === v.latestPlanVersionId)?.number ?? null),
      () => undefined,
    );
    return () => {
      isCurrent = false;
    };
  }, [plan, stage]);
  return stage ? { stage, number } : null;
}

export type EntityForm<V extends Record<string, unknown>> = ReturnType<typeof useEntityForm<V, ResourceName>>;

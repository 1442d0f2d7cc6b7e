import { MAX_LABEL_LENGTH } from '@rapport/protocol';
import { useEffect, useState } from 'preact/hooks';
import { useSubmit } from '../hooks/use-submit';
import { notice } from '../store';
import { SubmitRow } from './SubmitRow';

/** One row as the person types it: a name and a number, both text until checked. */
interface Row {
  label: string;
  value: string;
}

/** What a list of named numbers is, in words and in API calls (tiers, ways to earn). */
export interface NumberedRowsKind<T> {
  /** "tier", "way to earn": for buttons and messages. */
  noun: string;
  labelField: string;
  valueField: string;
  /** Negative numbers allowed (ways to earn may take points away; thresholds may not). */
  negative: boolean;
  max: number;
  toRow: (item: T) => Row;
  fromRow: (label: string, value: number) => T;
  /** Orders the rows before saving (tiers by threshold); absent keeps the typed order. */
  sort?: (a: T, b: T) => number;
  save: (items: T[]) => Promise<T[]>;
  saved: string;
  /** The submit button: "Save tiers". */
  saveLabel: string;
  /** What an empty list means: "No tiers: no member is in one." */
  empty: string;
}

/** The first problem of the rows, or undefined. */
function rowsProblem(rows: Row[], kind: { noun: string; negative: boolean }): string | undefined {
  const names = new Set<string>();
  const number = kind.negative ? /^-?\d+$/ : /^\d+$/;
  for (const [index, row] of rows.entries()) {
    const label = row.label.trim();
    if (!label || label.length > MAX_LABEL_LENGTH) return `Row ${index + 1} needs a name.`;
    if (names.has(label)) return `Two rows are called “${label}”: names must differ.`;
    names.add(label);
    if (!number.test(row.value.trim())) {
      return `“${label}” needs a whole number${kind.negative ? '' : ' (0 or more)'}.`;
    }
  }
  return undefined;
}

/**
 * A list of named numbers edited in place — a row each, added and removed, saved as one list
 * with one PUT: the tiers (name, lifetime points) and the ways to earn (label, points).
 */
export function NumberedRowsEditor<T>({
  kind,
  items,
  onSaved,
}: {
  kind: NumberedRowsKind<T>;
  items: T[];
  onSaved: (items: T[]) => void;
}) {
  const [rows, setRows] = useState<Row[]>(items.map(kind.toRow));
  useEffect(() => setRows(items.map(kind.toRow)), [items]);
  const change = (index: number, patch: Partial<Row>) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const problem = rowsProblem(rows, kind);
  const id = kind.noun.replaceAll(' ', '-');
  const form = useSubmit(
    async () => {
      const list = rows.map((row) => kind.fromRow(row.label.trim(), Number(row.value.trim())));
      const saved = await kind.save(kind.sort ? list.sort(kind.sort) : list);
      onSaved(saved);
      notice.value = kind.saved;
    },
    () => problem,
  );
  return (
    <form class="stack" onSubmit={form.submit} noValidate>
      {rows.length === 0 ? <p>{kind.empty}</p> : null}
      {rows.map((row, index) => (
        <fieldset key={index} class="row">
          <legend class="visually-hidden">
            {kind.noun} {index + 1}
          </legend>
          <div class="field">
            <label for={`${id}-${index}-label`}>
              {kind.labelField} {index + 1}
            </label>
            <input
              id={`${id}-${index}-label`}
              value={row.label}
              onInput={(event) => change(index, { label: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for={`${id}-${index}-value`}>{kind.valueField}</label>
            <input
              id={`${id}-${index}-value`}
              inputMode="numeric"
              value={row.value}
              onInput={(event) => change(index, { value: event.currentTarget.value })}
            />
          </div>
          <button
            type="button"
            class="secondary"
            onClick={() => setRows(rows.filter((_, at) => at !== index))}
          >
            Remove
            <span class="visually-hidden">
              {' '}
              {kind.noun} {index + 1}
            </span>
          </button>
        </fieldset>
      ))}
      {form.tried && problem ? (
        <p class="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={rows.length >= kind.max}
          onClick={() => setRows([...rows, { label: '', value: '' }])}
        >
          Add a {kind.noun}
        </button>
      </div>
      <SubmitRow form={form} label={kind.saveLabel} busyLabel="Saving…" />
    </form>
  );
}

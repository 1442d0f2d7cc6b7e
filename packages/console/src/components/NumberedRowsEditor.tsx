import { MAX_LABEL_LENGTH } from '@rapport/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useSubmit } from '../hooks/use-submit';
import { notice } from '../store';
import { SubmitRow } from './SubmitRow';

/** One row as the person types it: a name and a number, both text until checked. */
interface Row {
  label: string;
  value: string;
  /** The optional third column's text (a tier's greeting). */
  text?: string;
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
  /** `text` is the trimmed third column, empty when left blank or when there is none. */
  fromRow: (label: string, value: number, text: string) => T;
  /** An optional free-text column: its label (numbered per row) and hint. */
  textField?: { label: string; hint: string };
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
    const text = row.text?.trim() ?? '';
    if (text.length > MAX_LABEL_LENGTH) {
      return `The text of “${label}” is too long: at most ${MAX_LABEL_LENGTH} characters (it has ${text.length}).`;
    }
  }
  return undefined;
}

/**
 * A list of named numbers edited in place — a row each, added and removed, saved as one list
 * with one PUT: the tiers (name, lifetime points, greeting) and the ways to earn (label, points).
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
  // Filled again only when the saved list changes: the effect's first run, after the rows are
  // drawn, would drop whatever was typed in between.
  const shown = useRef(items);
  useEffect(() => {
    if (shown.current === items) return;
    shown.current = items;
    setRows(items.map(kind.toRow));
  }, [items]);
  // From the latest rows, not this render's: two edits before the next render both count.
  const change = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const problem = rowsProblem(rows, kind);
  const id = kind.noun.replaceAll(' ', '-');
  const form = useSubmit(
    async () => {
      const list = rows.map((row) =>
        kind.fromRow(row.label.trim(), Number(row.value.trim()), row.text?.trim() ?? ''),
      );
      const saved = await kind.save(kind.sort ? list.sort(kind.sort) : list);
      onSaved(saved);
      notice.value = kind.saved;
    },
    () => problem,
  );
  return (
    <form class="stack" onSubmit={form.submit} noValidate>
      {rows.length === 0 ? <p>{kind.empty}</p> : null}
      {kind.textField ? (
        <p class="hint" id={`${id}-text-hint`}>
          {kind.textField.hint}
        </p>
      ) : null}
      {rows.map((row, index) => (
        <fieldset key={index} class={kind.textField ? 'row wrap' : 'row'}>
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
          {kind.textField ? (
            <div class="field grow">
              <label for={`${id}-${index}-text`}>
                {kind.textField.label} {index + 1}
              </label>
              <input
                id={`${id}-${index}-text`}
                value={row.text ?? ''}
                aria-describedby={`${id}-text-hint`}
                onInput={(event) => change(index, { text: event.currentTarget.value })}
              />
            </div>
          ) : null}
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

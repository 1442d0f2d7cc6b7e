import { MAX_LABEL_LENGTH } from '@rapport/protocol';
import { useEffect, useState } from 'preact/hooks';
import type { Tier } from '../api/types';
import { useSubmit } from '../hooks/use-submit';
import { admin, notice } from '../store';
import { useRemote } from '../use-remote';
import { Async } from './Async';
import { SubmitRow } from './SubmitRow';

/** Most tiers a program may have (the server's limit). */
const MAX_TIERS = 20;

interface TierRow {
  name: string;
  threshold: string;
}

/** The first problem of the rows, or undefined. */
function tierProblem(rows: TierRow[]): string | undefined {
  const names = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const name = row.name.trim();
    if (!name || name.length > MAX_LABEL_LENGTH) return `Tier ${index + 1} needs a name.`;
    if (names.has(name)) return `Two tiers are called “${name}”: names must differ.`;
    names.add(name);
    if (!/^\d+$/.test(row.threshold.trim())) {
      return `Tier “${name}” needs its lifetime points as a whole number (0 for the first tier).`;
    }
  }
  return undefined;
}

/**
 * The tiers, by lifetime points: a row per tier (name, points needed), added and removed in
 * place and saved as one list. Members see the list without the controls.
 */
export function TierEditor({ projectId, canWrite }: { projectId: string; canWrite: boolean }) {
  const { remote, reload, set } = useRemote(() => admin(projectId).tiers(), [projectId]);
  return (
    <section class="stack" aria-labelledby="tiers-heading">
      <h2 id="tiers-heading">Tiers</h2>
      <p class="hint">
        A member holds the highest tier their lifetime points reach; spending points never lowers
        it.
      </p>
      <Async remote={remote} what="tiers" retry={reload}>
        {(page) =>
          canWrite ? (
            <TierForm
              projectId={projectId}
              tiers={page.items}
              onSaved={(items) => set({ items })}
            />
          ) : page.items.length === 0 ? (
            <p>No tiers.</p>
          ) : (
            <ul>
              {page.items.map((tier) => (
                <li key={tier.name}>
                  {tier.name}: from {tier.threshold.toLocaleString()} lifetime points
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </section>
  );
}

function TierForm({
  projectId,
  tiers,
  onSaved,
}: {
  projectId: string;
  tiers: Tier[];
  onSaved: (tiers: Tier[]) => void;
}) {
  const toRows = (list: Tier[]) =>
    list.map((tier) => ({ name: tier.name, threshold: String(tier.threshold) }));
  const [rows, setRows] = useState<TierRow[]>(toRows(tiers));
  useEffect(() => setRows(toRows(tiers)), [tiers]);
  const change = (index: number, patch: Partial<TierRow>) =>
    setRows(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const problem = tierProblem(rows);
  const form = useSubmit(
    async () => {
      const body = rows
        .map((row) => ({ name: row.name.trim(), threshold: Number(row.threshold.trim()) }))
        .sort((a, b) => a.threshold - b.threshold);
      const saved = await admin(projectId).replaceTiers(body);
      onSaved(saved.items);
      notice.value = saved.items.length ? 'Tiers saved.' : 'Tiers removed.';
    },
    () => problem,
  );
  return (
    <form class="stack" onSubmit={form.submit} noValidate>
      {rows.length === 0 ? <p>No tiers: every member is in none.</p> : null}
      {rows.map((row, index) => (
        <fieldset key={index} class="row">
          <legend class="visually-hidden">Tier {index + 1}</legend>
          <div class="field">
            <label for={`tier-${index}-name`}>Tier {index + 1} name</label>
            <input
              id={`tier-${index}-name`}
              value={row.name}
              onInput={(event) => change(index, { name: event.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for={`tier-${index}-threshold`}>From lifetime points</label>
            <input
              id={`tier-${index}-threshold`}
              inputMode="numeric"
              value={row.threshold}
              onInput={(event) => change(index, { threshold: event.currentTarget.value })}
            />
          </div>
          <button
            type="button"
            class="secondary"
            onClick={() => setRows(rows.filter((_, at) => at !== index))}
          >
            Remove<span class="visually-hidden"> tier {index + 1}</span>
          </button>
        </fieldset>
      ))}
      {form.tried && problem ? <p class="field-error">{problem}</p> : null}
      <div class="actions">
        <button
          type="button"
          class="secondary"
          disabled={rows.length >= MAX_TIERS}
          onClick={() => setRows([...rows, { name: '', threshold: '' }])}
        >
          Add a tier
        </button>
      </div>
      <SubmitRow form={form} label="Save tiers" busyLabel="Saving…" />
    </form>
  );
}

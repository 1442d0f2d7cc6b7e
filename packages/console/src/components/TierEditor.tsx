import { MAX_WAYS_TO_EARN } from '@rapport/protocol';
import type { Tier, WayToEarn } from '../api/types';
import { admin } from '../store';
import { useRemote } from '../use-remote';
import { Async } from './Async';
import { NumberedRowsEditor, type NumberedRowsKind } from './NumberedRowsEditor';

/** Most tiers a program may have (the server's limit). */
const MAX_TIERS = 20;

/** The program's tiers and ways to earn, each as a list of named numbers. */
export function TierEditor({ projectId, canWrite }: { projectId: string; canWrite: boolean }) {
  const api = admin(projectId);
  const tiers = useRemote(() => api.tiers(), [projectId]);
  const ways = useRemote(() => api.waysToEarn(), [projectId]);
  const tierKind: NumberedRowsKind<Tier> = {
    noun: 'tier',
    labelField: 'Tier name',
    valueField: 'From lifetime points',
    negative: false,
    max: MAX_TIERS,
    toRow: (tier) => ({
      label: tier.name,
      value: String(tier.threshold),
      text: tier.greeting ?? '',
    }),
    fromRow: (name, threshold, greeting) => ({ name, threshold, ...(greeting && { greeting }) }),
    textField: {
      label: 'Greeting',
      hint: 'Optional: shown at the top of the widget’s rewards panel to members of the tier, like “Welcome back, {firstName|friend}: {tier} perks await”. {firstName|friend} is the customer’s verified first name, or “friend” without one; {tier} is the tier. Empty: the widget’s greeting in the visitor’s language.',
    },
    sort: (a, b) => a.threshold - b.threshold,
    save: async (items) => (await api.replaceTiers(items)).items,
    saved: 'Tiers saved.',
    saveLabel: 'Save tiers',
    empty: 'No tiers: no member is in one.',
  };
  const wayKind: NumberedRowsKind<WayToEarn> = {
    noun: 'way to earn',
    labelField: 'How',
    valueField: 'Points',
    negative: false,
    max: MAX_WAYS_TO_EARN,
    toRow: (way) => ({ label: way.label, value: String(way.points) }),
    fromRow: (label, points) => ({ label, points }),
    save: async (items) => (await api.replaceWaysToEarn(items)).items,
    saved: 'Ways to earn saved: the widget lists them in this order.',
    saveLabel: 'Save ways to earn',
    empty: 'None listed: the widget shows no “Ways to earn” section.',
  };
  return (
    <>
      <section class="stack" aria-labelledby="tiers-heading">
        <h2 id="tiers-heading">Tiers</h2>
        <p class="hint">
          A member holds the highest tier their lifetime points reach; spending points never lowers
          it.
        </p>
        <Async remote={tiers.remote} what="tiers" retry={tiers.reload}>
          {(page) =>
            canWrite ? (
              <NumberedRowsEditor
                kind={tierKind}
                items={page.items}
                onSaved={(items) => tiers.set({ items })}
              />
            ) : (
              <ReadOnly
                rows={page.items.map(
                  (tier) =>
                    `${tier.name}: from ${tier.threshold.toLocaleString()} lifetime points${tier.greeting ? ` — “${tier.greeting}”` : ''}`,
                )}
                empty="No tiers."
              />
            )
          }
        </Async>
      </section>
      <section class="stack" aria-labelledby="ways-heading">
        <h2 id="ways-heading">Ways to earn</h2>
        <p class="hint">
          What the widget tells customers they can do for points. Your server awards them through
          the admin API; this list only explains them.
        </p>
        <Async remote={ways.remote} what="ways to earn" retry={ways.reload}>
          {(page) =>
            canWrite ? (
              <NumberedRowsEditor
                kind={wayKind}
                items={page.items}
                onSaved={(items) => ways.set({ items })}
              />
            ) : (
              <ReadOnly
                rows={page.items.map(
                  (way) => `${way.label}: ${way.points.toLocaleString()} points`,
                )}
                empty="None listed."
              />
            )
          }
        </Async>
      </section>
    </>
  );
}

function ReadOnly({ rows, empty }: { rows: string[]; empty: string }) {
  if (rows.length === 0) return <p>{empty}</p>;
  return (
    <ul>
      {rows.map((row) => (
        <li key={row}>{row}</li>
      ))}
    </ul>
  );
}

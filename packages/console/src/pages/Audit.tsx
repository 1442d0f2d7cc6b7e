import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { AuditActor, AuditItem } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime, formatValue } from '../format';
import { api } from '../store';
import { useRemote } from '../use-remote';

/** Who did what in the project, newest first. Owners only. */
export function Audit({ projectId }: { projectId: string }) {
  const { remote, reload, set } = useRemote(() => api.audit(projectId), [projectId]);
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false });
  return (
    <>
      <PageHeading>Audit log</PageHeading>
      <Async remote={remote} what="the audit log" retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              <p>No team action recorded yet.</p>
            </Empty>
          ) : (
            <>
              <div class="table-wrap">
                <table>
                  <caption class="visually-hidden">Audit log</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">Action</th>
                      <th scope="col">Details</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((item) => (
                      <Row key={item.id} item={item} />
                    ))}
                  </tbody>
                </table>
              </div>
              {page.nextCursor ? (
                <button
                  type="button"
                  class="secondary"
                  disabled={more.busy}
                  onClick={async () => {
                    setMore({ busy: true });
                    try {
                      const next = await api.audit(projectId, page.nextCursor);
                      set({ ...next, items: [...page.items, ...next.items] });
                      setMore({ busy: false });
                    } catch (failure) {
                      setMore({ busy: false, error: errorText(failure) });
                    }
                  }}
                >
                  {more.busy ? 'Loading…' : 'Load more'}
                </button>
              ) : null}
              {more.error ? (
                <p class="form-error" role="alert">
                  {more.error}
                </p>
              ) : null}
            </>
          )
        }
      </Async>
    </>
  );
}

function Row({ item }: { item: AuditItem }) {
  return (
    <tr>
      <td>{formatDateTime(item.at)}</td>
      <td>{actorName(item.actor)}</td>
      <td>{item.action.replace(/_/g, ' ')}</td>
      <td class="break">
        {[
          item.target,
          item.details === undefined || item.details === null
            ? undefined
            : formatValue(item.details),
        ]
          .filter(Boolean)
          .join(' · ') || '—'}
      </td>
    </tr>
  );
}

function actorName(actor: AuditActor | null): string {
  if (!actor) return 'Unknown';
  if ('kind' in actor) return 'Secret key (a server)';
  return `${actor.name} (${actor.email})`;
}

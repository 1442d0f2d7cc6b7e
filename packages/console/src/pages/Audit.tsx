import type { AuditActor, AuditItem } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { LoadMore } from '../components/LoadMore';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime, formatValue } from '../format';
import { useLoadMore } from '../hooks/use-load-more';
import { api } from '../store';
import { useRemote } from '../use-remote';

/** Who did what in the project, newest first. Owners only. */
export function Audit({ projectId }: { projectId: string }) {
  const { remote, reload, set } = useRemote(() => api.audit(projectId), [projectId]);
  const more = useLoadMore((cursor) => api.audit(projectId, cursor), set);
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
              <LoadMore page={page} more={more} />
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

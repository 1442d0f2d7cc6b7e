import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { FeedbackStatus, FeedbackThread } from '../api/types';
import { STATUS_LABELS } from '../format';
import { admin, session } from '../store';
import { TagEditor } from './TagEditor';

interface ThreadControlsProps {
  thread: FeedbackThread;
  projectId: string;
  onChanged: () => void;
}

/** Status, assignee and tags of a thread; each change is saved at once. */
export function ThreadControls({ thread, projectId, onChanged }: ThreadControlsProps) {
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | undefined>();
  const me = session.value?.user;
  const save = async (what: string, change: () => Promise<unknown>) => {
    setError(undefined);
    setSaved(undefined);
    try {
      await change();
      setSaved(`${what} saved.`);
      onChanged();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const api = admin(projectId);
  const id = thread.item.id;
  const assignee = thread.assignee;
  return (
    <section class="card stack" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Handling</h2>
      <div class="field">
        <label for="thread-status">Status</label>
        <select
          id="thread-status"
          value={thread.item.status}
          onChange={(event) => {
            const status = event.currentTarget.value as FeedbackStatus;
            void save('Status', () => api.updateFeedback(id, { status }));
          }}
        >
          {(Object.keys(STATUS_LABELS) as FeedbackStatus[]).map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <p>
          <span class="label">Assignee:</span> {assignee ? assignee.name : 'nobody'}
        </p>
        <div class="row wrap">
          {me && assignee?.userId !== me.id ? (
            <button
              type="button"
              class="secondary"
              onClick={() => save('Assignee', () => api.updateFeedback(id, { assigneeId: me.id }))}
            >
              Assign to me
            </button>
          ) : null}
          {assignee ? (
            <button
              type="button"
              class="secondary"
              onClick={() => save('Assignee', () => api.updateFeedback(id, { assigneeId: null }))}
            >
              Unassign
            </button>
          ) : null}
        </div>
      </div>
      <TagEditor tags={thread.tags} onSave={(tags) => save('Tags', () => api.setTags(id, tags))} />
      <div role="status" class={error ? 'form-error' : 'form-ok'}>
        {error ?? saved}
      </div>
    </section>
  );
}

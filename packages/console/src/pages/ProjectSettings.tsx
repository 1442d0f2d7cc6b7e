import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { ProjectView } from '../api/types';
import { Field } from '../components/Field';
import { KeyRotation } from '../components/KeyRotation';
import { PageHeading } from '../components/PageHeading';
import { TypedConfirm } from '../components/TypedConfirm';
import { originsProblem, parseOrigins } from '../origins';
import { api, endSession, hasRole, loadSession, role, setProject } from '../store';

/** Name, allowed origins, keys and deletion. Only owners can change them. */
export function ProjectSettings({ project }: { project: ProjectView }) {
  const owner = hasRole(role.value, 'owner');
  return (
    <>
      <PageHeading>Project settings</PageHeading>
      {owner ? null : (
        <p class="notice">
          Only the project's owners can change these settings. You are {role.value ?? 'a guest'}.
        </p>
      )}
      <General project={project} canEdit={owner} />
      <KeyRotation project={project} canRotate={owner} />
      {owner ? <DeleteProject project={project} /> : null}
    </>
  );
}

function General({ project, canEdit }: { project: ProjectView; canEdit: boolean }) {
  const [name, setName] = useState(project.name);
  const [origins, setOrigins] = useState(project.allowedOrigins.join('\n'));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const list = parseOrigins(origins);
  const originError = originsProblem(list);

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy || !canEdit) return;
    if (!name.trim()) return setMessage({ ok: false, text: 'The project needs a name.' });
    if (originError) return setMessage({ ok: false, text: originError });
    setBusy(true);
    setMessage(undefined);
    try {
      const view = await api.updateProject(project.id, { name: name.trim(), allowedOrigins: list });
      setProject(view);
      setOrigins(view.allowedOrigins.join('\n'));
      setMessage({ ok: true, text: 'Saved.' });
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="general-heading">
      <h2 id="general-heading">General</h2>
      <form class="card stack" onSubmit={save} noValidate>
        <Field
          id="settings-name"
          label="Project name"
          value={name}
          onValue={setName}
          readOnly={!canEdit}
        />
        <div class="field">
          <label for="settings-origins">Allowed origins</label>
          <textarea
            id="settings-origins"
            rows={4}
            value={origins}
            readOnly={!canEdit}
            aria-describedby="settings-origins-hint"
            aria-invalid={originError ? true : undefined}
            onInput={(event) => setOrigins(event.currentTarget.value)}
          />
          <p class="hint" id="settings-origins-hint">
            One a line: scheme, host and optional port, like https://shop.example.com:8443. No
            paths. Only pages on these origins can send to this project.
          </p>
          {originError ? <p class="field-error">{originError}</p> : null}
        </div>
        <div role="status" class={message?.ok ? 'form-ok' : 'form-error'}>
          {message?.text}
        </div>
        {canEdit ? (
          <button type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
        ) : null}
      </form>
    </section>
  );
}

function DeleteProject({ project }: { project: ProjectView }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.deleteProject(project.id, project.name);
      await loadSession().catch(endSession);
      location.hash = '#/projects';
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="delete-heading" class="danger-zone">
      <h2 id="delete-heading">Delete this project</h2>
      <p>
        Deletes the project, its keys and everything its widget collected: feedback, customers,
        surveys and loyalty. This cannot be undone.
      </p>
      <TypedConfirm
        id="delete-confirm"
        expected={project.name}
        action="Delete project"
        busy={busy}
        onConfirm={remove}
      />
      <div role="alert" class="form-error">
        {error}
      </div>
    </section>
  );
}

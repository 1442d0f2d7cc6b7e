import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { CreatedProject } from '../api/types';
import { Empty } from '../components/Empty';
import { Field } from '../components/Field';
import { PageHeading } from '../components/PageHeading';
import { SecretOnce } from '../components/SecretOnce';
import { originsProblem, parseOrigins } from '../origins';
import { href } from '../router';
import { api, session } from '../store';

/** Every project the person belongs to, and a form to create one. */
export function Projects() {
  const projects = session.value?.projects ?? [];
  const [created, setCreated] = useState<CreatedProject | undefined>();
  return (
    <>
      <PageHeading>Projects</PageHeading>
      {created ? <Created created={created} /> : null}
      <section aria-labelledby="your-projects">
        <h2 id="your-projects">Your projects</h2>
        {projects.length === 0 ? (
          <Empty>
            <p>You are not in any project yet. Create one below for your site.</p>
          </Empty>
        ) : (
          <ul class="cards">
            {projects.map((item) => (
              <li key={item.id} class="card">
                <a href={href(['projects', item.id, 'inbox'])}>{item.name}</a>
                <span class="badge">{item.role}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <CreateProject onCreated={setCreated} />
    </>
  );
}

function Created({ created }: { created: CreatedProject }) {
  const { project } = created;
  return (
    <section class="card stack success-card" aria-labelledby="created-heading">
      <h2 id="created-heading">Project “{project.name}” created</h2>
      <dl class="keys">
        <dt>Publishable key (goes in your pages)</dt>
        <dd class="mono">{project.publishableKey}</dd>
        {project.identitySecret ? (
          <>
            <dt>Identity secret (on your server, for userHash)</dt>
            <dd class="mono">{project.identitySecret}</dd>
          </>
        ) : null}
      </dl>
      <SecretOnce id="new-secret-key" label="Secret key" value={created.secretKey} />
      <p>
        <a href={href(['projects', project.id, 'install'])}>Install the widget on your site</a>
      </p>
    </section>
  );
}

function CreateProject({ onCreated }: { onCreated: (created: CreatedProject) => void }) {
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const list = parseOrigins(origins);
  const originError = origins.trim() ? originsProblem(list) : undefined;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) return setError('Give the project a name.');
    if (originError) return setError(originError);
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.createProject({ name: name.trim(), allowedOrigins: list });
      const current = session.value;
      if (current) {
        session.value = {
          ...current,
          projects: [
            ...current.projects,
            { id: created.project.id, name: created.project.name, role: 'owner' },
          ],
        };
      }
      setName('');
      setOrigins('');
      onCreated(created);
      document.getElementById('created-heading')?.focus();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">Create a project</h2>
      <form class="card stack" onSubmit={submit} noValidate>
        <Field id="project-name" label="Project name" required value={name} onValue={setName} />
        <div class="field">
          <label for="project-origins">Allowed origins</label>
          <textarea
            id="project-origins"
            rows={3}
            value={origins}
            aria-describedby="project-origins-hint"
            aria-invalid={originError ? true : undefined}
            onInput={(event) => setOrigins(event.currentTarget.value)}
          />
          <p class="hint" id="project-origins-hint">
            The sites the widget runs on, one a line, like https://shop.example.com (no path).
          </p>
          {originError ? <p class="field-error">{originError}</p> : null}
        </div>
        <div role="alert" class="form-error">
          {error}
        </div>
        <button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create project'}
        </button>
      </form>
    </section>
  );
}

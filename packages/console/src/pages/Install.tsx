import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { FirstEvent, ProjectView } from '../api/types';
import { CopyButton } from '../components/CopyButton';
import { PageHeading } from '../components/PageHeading';
import { formatDateTime } from '../format';
import { IDENTIFY_SNIPPET, installSnippet, USER_HASH_EXAMPLES } from '../snippets';
import { api } from '../store';

/** How often the page asks whether the first event arrived. */
export const FIRST_EVENT_POLL_MS = 3_000;

/** The snippet with this project's key, userHash examples and a live first-event check. */
export function Install({ project }: { project: ProjectView }) {
  const snippet = installSnippet(project.publicUrl, project.publishableKey);
  return (
    <>
      <PageHeading>Install the widget</PageHeading>
      <section aria-labelledby="snippet-heading">
        <h2 id="snippet-heading">1. Paste the snippet</h2>
        <p>
          Put this before <code>&lt;/body&gt;</code> on every page of your site:
        </p>
        <pre class="code" id="install-snippet">
          {snippet}
        </pre>
        <CopyButton text={snippet} label="Copy the snippet" target="install-snippet" />
        <p class="hint">
          Your site's origin must be in the project's allowed origins (
          {project.allowedOrigins.length} set; change them in Settings).
        </p>
      </section>
      <FirstEventCheck projectId={project.id} />
      <section aria-labelledby="identify-heading">
        <h2 id="identify-heading">2. Identify signed-in customers (optional)</h2>
        <p>
          So a customer's feedback, replies and points follow them, tell the widget who they are,
          with a <code>userHash</code> your server computes from their id and the project's identity
          secret. Without a valid hash, Rapport treats them as anonymous.
        </p>
        <pre class="code">{IDENTIFY_SNIPPET}</pre>
        {USER_HASH_EXAMPLES.map((example) => (
          <div key={example.language}>
            <h3>{example.language}</h3>
            <pre class="code">{example.code}</pre>
          </div>
        ))}
      </section>
    </>
  );
}

function FirstEventCheck({ projectId }: { projectId: string }) {
  const [state, setState] = useState<FirstEvent | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const poll = async () => {
      try {
        const answer = await api.firstEvent(projectId);
        if (!live) return;
        setState(answer);
        setError(undefined);
        if (answer.received) return;
      } catch (failure) {
        if (live) setError(errorText(failure));
      }
      if (live) timer = setTimeout(poll, FIRST_EVENT_POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [projectId]);

  return (
    <section aria-labelledby="check-heading">
      <h2 id="check-heading">Check the installation</h2>
      <div class="card" role="status">
        {state?.received ? (
          <p class="form-ok">
            <strong>Received</strong>: the first event{state.type ? ` (${state.type})` : ''} arrived{' '}
            {formatDateTime(state.at)}. The widget is installed.
          </p>
        ) : (
          <p>
            <span class="pulse" aria-hidden="true" /> Waiting for the first event… Open a page of
            your site with the snippet; this updates by itself.
          </p>
        )}
        {error ? <p class="form-error">{error}</p> : null}
      </div>
    </section>
  );
}

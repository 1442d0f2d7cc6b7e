import { useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { KeyKind, ProjectView, RotatedKeys } from '../api/types';
import { formatDateTime } from '../format';
import { api, loadProject } from '../store';
import { SecretOnce } from './SecretOnce';

const KEYS: { kind: KeyKind; label: string; effect: string }[] = [
  {
    kind: 'publishable',
    label: 'Publishable key',
    effect: 'Pages with the old key in their snippet stop working until you update them.',
  },
  {
    kind: 'secret',
    label: 'Secret key',
    effect: 'The old secret key keeps working for 24 hours, then your servers need the new one.',
  },
  {
    kind: 'identity',
    label: 'Identity secret',
    effect: 'Every userHash your servers computed with the old secret stops verifying at once.',
  },
];

interface KeyRotationProps {
  project: ProjectView;
  /** Only owners rotate keys; others see the keys and the reason they cannot. */
  canRotate: boolean;
}

/** The project's keys, each with "Rotate" behind a confirmation step. */
export function KeyRotation({ project, canRotate }: KeyRotationProps) {
  const [confirming, setConfirming] = useState<KeyKind | undefined>();
  const [busy, setBusy] = useState(false);
  const [rotated, setRotated] = useState<{ kind: KeyKind; keys: RotatedKeys } | undefined>();
  const [error, setError] = useState<string | undefined>();

  const rotate = async (kind: KeyKind) => {
    setBusy(true);
    setError(undefined);
    try {
      const keys = await api.rotateKey(project.id, kind);
      setRotated({ kind, keys });
      setConfirming(undefined);
      await loadProject(project.id);
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Keys</h2>
      {canRotate ? null : (
        <p class="hint" id="keys-owner-only">
          Only owners can rotate keys.
        </p>
      )}
      <dl class="keys card">
        <dt>Publishable key</dt>
        <dd class="mono">{project.publishableKey}</dd>
        <dt>Identity secret</dt>
        <dd class="mono">{project.identitySecret ?? 'Hidden: only owners and admins see it.'}</dd>
        <dt>Secret key</dt>
        <dd>Shown once when created or rotated; Rapport keeps only its hash.</dd>
      </dl>
      <ul class="stack plain">
        {KEYS.map((key) => (
          <li key={key.kind} class="card row-between">
            <span>
              <strong>{key.label}</strong>
              <span class="hint block">{key.effect}</span>
            </span>
            {confirming === key.kind ? (
              <span class="actions">
                <button
                  type="button"
                  class="danger"
                  disabled={busy}
                  onClick={() => rotate(key.kind)}
                >
                  {busy ? 'Rotating…' : `Yes, rotate the ${key.label.toLowerCase()}`}
                </button>
                <button type="button" class="secondary" onClick={() => setConfirming(undefined)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button
                type="button"
                class="secondary"
                disabled={!canRotate}
                aria-describedby={canRotate ? undefined : 'keys-owner-only'}
                onClick={() => setConfirming(key.kind)}
              >
                Rotate {key.label.toLowerCase()}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div role="alert" class="form-error">
        {error}
      </div>
      {rotated ? <RotatedKey kind={rotated.kind} keys={rotated.keys} /> : null}
    </section>
  );
}

function RotatedKey({ kind, keys }: { kind: KeyKind; keys: RotatedKeys }) {
  if (kind === 'secret' && keys.secretKey) {
    const until = keys.previousSecretKeyValidUntil;
    return (
      <SecretOnce
        id="rotated-secret"
        label="New secret key"
        value={keys.secretKey}
        note={until ? `The previous one works until ${formatDateTime(until)}.` : undefined}
      />
    );
  }
  const value = kind === 'publishable' ? keys.publishableKey : keys.identitySecret;
  return (
    <p role="status" class="form-ok">
      Rotated. The new {kind === 'publishable' ? 'publishable key' : 'identity secret'} is{' '}
      <span class="mono">{value}</span>.
    </p>
  );
}

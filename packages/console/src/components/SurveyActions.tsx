import { useRef, useState } from 'preact/hooks';
import type { Survey } from '../api/types';
import { useAction } from '../hooks/use-action';
import { href } from '../router';
import { admin, notice } from '../store';
import { duplicateBody } from '../survey-duplicate';
import { TypedConfirm } from './TypedConfirm';

/** What a change to one survey did to the list. */
export type SurveyChange =
  | { kind: 'updated'; survey: Survey }
  | { kind: 'added'; survey: Survey }
  | { kind: 'deleted'; id: string };

interface SurveyActionsProps {
  projectId: string;
  survey: Survey;
  onChange: (change: SurveyChange) => void;
}

/**
 * Edit, pause or resume, duplicate (a paused copy named "… (copy)") and delete (type the
 * survey's name first). Shown to admins and owners only; the server checks the role too.
 */
export function SurveyActions({ projectId, survey, onChange }: SurveyActionsProps) {
  const action = useAction();
  const { run, error } = action;
  const busy = action.busy !== undefined;
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const api = admin(projectId);

  const toggle = () =>
    run(async () => {
      const saved = await api.updateSurvey(survey.id, { active: !survey.active });
      onChange({ kind: 'updated', survey: saved });
      notice.value = `“${saved.name}” is ${saved.active ? 'active again' : 'paused'}.`;
    });
  const duplicate = () =>
    run(async () => {
      const copy = await api.createSurvey(duplicateBody(survey));
      onChange({ kind: 'added', survey: copy });
      notice.value = `Paused copy “${copy.name}” created.`;
    });
  const remove = () =>
    run(async () => {
      await api.deleteSurvey(survey.id);
      notice.value = `Survey “${survey.name}” deleted.`;
      onChange({ kind: 'deleted', id: survey.id });
      document.querySelector<HTMLElement>('main h1')?.focus();
    });
  const name = <span class="visually-hidden"> “{survey.name}”</span>;

  return (
    <>
      <div class="actions">
        <a
          class="button secondary"
          href={href(['projects', projectId, 'surveys', survey.id, 'edit'])}
        >
          Edit{name}
        </a>
        <button type="button" class="secondary" disabled={busy} onClick={toggle}>
          {survey.active ? 'Pause' : 'Resume'}
          {name}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={duplicate}>
          Duplicate{name}
        </button>
        <button
          ref={deleteButton}
          type="button"
          class="secondary"
          aria-expanded={confirming}
          disabled={busy}
          onClick={() => {
            setConfirming(!confirming);
            setTimeout(() => document.getElementById(`delete-${survey.id}`)?.focus());
          }}
        >
          Delete…{name}
        </button>
      </div>
      {confirming ? (
        <div class="stack">
          <p>
            Deleting stops the survey at once. Its answers stay in the responses export and on your
            customers’ timelines, but leave this list and its report.
          </p>
          <TypedConfirm
            id={`delete-${survey.id}`}
            expected={survey.name}
            action="Delete survey"
            busy={busy}
            onConfirm={remove}
          />
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setConfirming(false);
              deleteButton.current?.focus();
            }}
          >
            Keep it
          </button>
        </div>
      ) : null}
      <div role="alert" class="form-error">
        {error}
      </div>
    </>
  );
}

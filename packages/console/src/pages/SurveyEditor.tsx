import type { Survey } from '../api/types';
import { Async } from '../components/Async';
import { PageHeading } from '../components/PageHeading';
import { SurveyForm } from '../components/SurveyForm';
import { href, navigate } from '../router';
import { admin, hasRole, notice, role } from '../store';
import { createBody, draftOf, emptyDraft, patchBody } from '../survey-draft';
import { useRemote } from '../use-remote';

/** `#/projects/:id/surveys/new`: the builder, empty. */
export function SurveyNew({ projectId }: { projectId: string }) {
  return (
    <>
      <BackToSurveys projectId={projectId} />
      <PageHeading>New survey</PageHeading>
      {hasRole(role.value, 'admin') ? (
        <SurveyForm
          initial={emptyDraft()}
          submitLabel="Create survey"
          busyLabel="Creating…"
          onSave={async (draft) => {
            const survey = await admin(projectId).createSurvey(createBody(draft));
            done(projectId, `Survey “${survey.name}” created.`);
          }}
        />
      ) : (
        <WritersOnly />
      )}
    </>
  );
}

/** `#/projects/:id/surveys/:survey/edit`: the builder, filled with the stored survey. */
export function SurveyEdit({ projectId, surveyId }: { projectId: string; surveyId: string }) {
  const { remote, reload } = useRemote(
    () => admin(projectId).survey(surveyId),
    [projectId, surveyId],
  );
  return (
    <>
      <BackToSurveys projectId={projectId} />
      {remote.state === 'ready' ? null : <PageHeading>Edit survey</PageHeading>}
      <Async remote={remote} what="the survey" retry={reload}>
        {(survey: Survey) => (
          <>
            <PageHeading>Edit “{survey.name}”</PageHeading>
            {hasRole(role.value, 'admin') ? (
              <SurveyForm
                key={survey.id}
                initial={draftOf(survey)}
                editing={{ followUpSet: survey.followUp !== undefined }}
                submitLabel="Save survey"
                busyLabel="Saving…"
                onSave={async (draft) => {
                  const saved = await admin(projectId).updateSurvey(survey.id, patchBody(draft));
                  done(projectId, `Survey “${saved.name}” saved.`);
                }}
              />
            ) : (
              <WritersOnly />
            )}
          </>
        )}
      </Async>
    </>
  );
}

function done(projectId: string, message: string): void {
  notice.value = message;
  navigate(['projects', projectId, 'surveys']);
}

function BackToSurveys({ projectId }: { projectId: string }) {
  return (
    <p>
      <a href={href(['projects', projectId, 'surveys'])}>← All surveys</a>
    </p>
  );
}

/** What a member sees instead of the form: the server would refuse the write anyway. */
export function WritersOnly() {
  return (
    <p class="notice">
      Only admins and owners can create or change surveys; your role in this project is{' '}
      {role.value ?? 'none'}. You can still see every survey and its report.
    </p>
  );
}

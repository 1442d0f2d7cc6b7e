import type { NpsSummary, Survey } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { NpsReport } from '../components/NpsReport';
import { PageHeading } from '../components/PageHeading';
import { href } from '../router';
import { admin, hasRole, role } from '../store';
import { describeTargeting, SURVEY_TYPE_LABELS } from '../survey-format';
import { useRemote } from '../use-remote';

interface Loaded {
  survey: Survey;
  summary: NpsSummary;
}

/** `#/projects/:id/surveys/:survey/report`: the survey's NPS, bands and weekly trend. */
export function SurveyReport({ projectId, surveyId }: { projectId: string; surveyId: string }) {
  const { remote, reload } = useRemote<Loaded>(async () => {
    const api = admin(projectId);
    const [survey, summary] = await Promise.all([api.survey(surveyId), api.nps(surveyId)]);
    return { survey, summary };
  }, [projectId, surveyId]);
  return (
    <>
      <p>
        <a href={href(['projects', projectId, 'surveys'])}>← All surveys</a>
      </p>
      {remote.state === 'ready' ? null : <PageHeading>Survey report</PageHeading>}
      <Async remote={remote} what="the report" retry={reload}>
        {({ survey, summary }) => (
          <>
            <PageHeading>Report: {survey.name}</PageHeading>
            <About projectId={projectId} survey={survey} />
            <Results survey={survey} summary={summary} />
          </>
        )}
      </Async>
    </>
  );
}

function About({ projectId, survey }: { projectId: string; survey: Survey }) {
  return (
    <section class="card" aria-labelledby="about-heading">
      <h2 id="about-heading" class="visually-hidden">
        About this survey
      </h2>
      <p class="survey-question">“{survey.question}”</p>
      <p class="hint">
        {SURVEY_TYPE_LABELS[survey.type]} · {survey.active ? 'Active' : 'Paused'} ·{' '}
        {describeTargeting(survey).join(' · ')}
      </p>
      {hasRole(role.value, 'admin') ? (
        <p>
          <a href={href(['projects', projectId, 'surveys', survey.id, 'edit'])}>Edit the survey</a>
        </p>
      ) : null}
    </section>
  );
}

function Results({ survey, summary }: Loaded) {
  if (survey.type !== 'nps') {
    return (
      <Empty>
        <p>
          The server summarises NPS surveys only, so there is no CSAT report yet. Each answer is in
          the responses export and on the customer’s page.
        </p>
      </Empty>
    );
  }
  if (summary.responses === 0) {
    return (
      <Empty>
        <p>
          No answers yet.{' '}
          {survey.active
            ? 'They appear here as soon as visitors answer in the widget.'
            : 'The survey is paused: resume it so visitors are asked.'}
        </p>
      </Empty>
    );
  }
  return <NpsReport summary={summary} />;
}

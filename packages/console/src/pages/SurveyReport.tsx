import { useState } from 'preact/hooks';
import type { SurveyReport as Report, ReportQuery, Survey } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { NpsBands } from '../components/NpsReport';
import { PageHeading } from '../components/PageHeading';
import { ReportBreakdown, ReportComparison } from '../components/ReportComparison';
import { ReportControls } from '../components/ReportControls';
import { ReportFigures } from '../components/ReportFigures';
import { ReportSeries } from '../components/ReportSeries';
import { ScoreDistribution } from '../components/ScoreDistribution';
import { SurveyComments } from '../components/SurveyComments';
import { href } from '../router';
import { admin, hasRole, role } from '../store';
import { describeTargeting, SURVEY_TYPE_LABELS } from '../survey-format';
import { useRemote } from '../use-remote';

/**
 * `#/projects/:id/surveys/:survey/report`: the survey's figures (NPS with its margin, or CSAT
 * average and share satisfied), spread, series by week or month, response rate, breakdown,
 * a second period side by side, and the comments.
 */
export function SurveyReport({ projectId, surveyId }: { projectId: string; surveyId: string }) {
  const { remote, reload } = useRemote(
    () => admin(projectId).survey(surveyId),
    [projectId, surveyId],
  );
  return (
    <>
      <p>
        <a href={href(['projects', projectId, 'surveys'])}>← All surveys</a>
      </p>
      {remote.state === 'ready' ? null : <PageHeading>Survey report</PageHeading>}
      <Async remote={remote} what="the survey" retry={reload}>
        {(survey) => (
          <>
            <PageHeading>Report: {survey.name}</PageHeading>
            <About projectId={projectId} survey={survey} />
            <Results projectId={projectId} survey={survey} />
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

function Results({ projectId, survey }: { projectId: string; survey: Survey }) {
  const [query, setQuery] = useState<ReportQuery>({ interval: 'week' });
  const { remote, reload } = useRemote(
    () => admin(projectId).surveyReport(survey.id, query),
    [projectId, survey.id, JSON.stringify(query)],
  );
  return (
    <>
      <ReportControls query={query} onChange={setQuery} />
      <Async remote={remote} what="the report" retry={reload}>
        {(report) => <Figures survey={survey} report={report} filtered={query} />}
      </Async>
      <SurveyComments projectId={projectId} survey={survey} />
    </>
  );
}

function Figures({
  survey,
  report,
  filtered,
}: {
  survey: Survey;
  report: Report;
  filtered: ReportQuery;
}) {
  const { period } = report;
  if (period.summary.responses === 0 && !report.compare) {
    return (
      <Empty>
        <p>
          {filtered.from || filtered.to ? 'No answers in this period.' : 'No answers yet. '}
          {filtered.from || filtered.to
            ? null
            : survey.active
              ? 'They appear here as soon as visitors answer in the widget.'
              : 'The survey is paused: resume it so visitors are asked.'}
        </p>
      </Empty>
    );
  }
  return (
    <>
      <ReportFigures type={survey.type} period={period} />
      <ReportComparison report={report} />
      {period.summary.nps ? <NpsBands summary={period.summary} /> : null}
      <ScoreDistribution type={survey.type} summary={period.summary} />
      <ReportSeries type={survey.type} interval={report.interval} series={period.series} />
      <ReportBreakdown report={report} />
    </>
  );
}

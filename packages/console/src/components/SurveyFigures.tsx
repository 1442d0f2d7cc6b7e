import type { Survey } from '../api/types';
import { plural } from '../format';
import { admin } from '../store';
import { formatNps } from '../survey-format';
import { useRemote } from '../use-remote';

/**
 * A survey's answer count and score, for the list. The admin API reports NPS surveys only
 * (`GET /v1/admin/nps`); for CSAT it has no count or score yet, and the list says so.
 */
export function SurveyFigures({ projectId, survey }: { projectId: string; survey: Survey }) {
  if (survey.type !== 'nps') return <>Not reported for CSAT surveys yet</>;
  return <NpsFigures projectId={projectId} surveyId={survey.id} />;
}

function NpsFigures({ projectId, surveyId }: { projectId: string; surveyId: string }) {
  const { remote } = useRemote(() => admin(projectId).nps(surveyId), [projectId, surveyId]);
  if (remote.state === 'loading') return <span class="loading">Loading…</span>;
  if (remote.state === 'error') return <>Could not load the results</>;
  const { responses, nps } = remote.data;
  if (responses === 0) return <>No answers yet</>;
  return (
    <>
      {plural(responses, 'answer')} · NPS <strong>{formatNps(nps)}</strong>
    </>
  );
}

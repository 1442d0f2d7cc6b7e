import type { ListedSurvey, Paged } from '../api/types';
import { Async } from '../components/Async';
import { Empty } from '../components/Empty';
import { PageHeading } from '../components/PageHeading';
import type { SurveyChange } from '../components/SurveyActions';
import { SurveyListItem } from '../components/SurveyListItem';
import { href } from '../router';
import { admin, hasRole, role } from '../store';
import { useRemote } from '../use-remote';
import { WritersOnly } from './SurveyEditor';

/** `#/projects/:id/surveys`: every survey of the project, oldest first, with its results. */
export function Surveys({ projectId }: { projectId: string }) {
  const canWrite = hasRole(role.value, 'admin');
  const { remote, reload, set } = useRemote(() => admin(projectId).surveys(), [projectId]);
  const change = (page: Paged<ListedSurvey>) => (event: SurveyChange) =>
    set({ ...page, items: applyChange(page.items, event) });
  const newSurvey = href(['projects', projectId, 'surveys', 'new']);

  return (
    <>
      <div class="row-between">
        <PageHeading>Surveys</PageHeading>
        {canWrite ? (
          <a class="button" href={newSurvey}>
            Create survey
          </a>
        ) : null}
      </div>
      {canWrite ? null : <WritersOnly />}
      <Async remote={remote} what="surveys" retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              <p>
                No surveys yet
                {canWrite ? (
                  <>
                    {' '}
                    — <a href={newSurvey}>create one</a>: an NPS or CSAT question that pops up in
                    your widget for the visitors you choose.
                  </>
                ) : (
                  '. An admin or owner of this project can create one.'
                )}
              </p>
            </Empty>
          ) : (
            <ul class="plain stack">
              {page.items.map((survey) => (
                <SurveyListItem
                  key={survey.id}
                  projectId={projectId}
                  survey={survey}
                  canWrite={canWrite}
                  onChange={change(page)}
                />
              ))}
            </ul>
          )
        }
      </Async>
    </>
  );
}

/** The list after a write; an edited survey keeps its figures, a new one has none yet. */
function applyChange(items: ListedSurvey[], change: SurveyChange): ListedSurvey[] {
  if (change.kind === 'deleted') return items.filter((item) => item.id !== change.id);
  if (change.kind === 'added') return [...items, { ...change.survey, summary: { responses: 0 } }];
  return items.map((item) =>
    item.id === change.survey.id ? { ...change.survey, summary: item.summary } : item,
  );
}

import type { Route } from '../router';
import { ChunkPages } from './ChunkPages';

/** The routes of the survey chunk. */
export type SurveyRoute =
  | { page: 'surveys'; projectId: string }
  | Extract<Route, { page: 'survey-new' | 'survey-edit' | 'survey-report' }>;

const loadSurveyPages = () => import('../pages/survey-pages');

/** The surveys list, builder or report, from the survey chunk (fetched on first use). */
export function SurveySection({ route }: { route: SurveyRoute }) {
  const { projectId } = route;
  return (
    <ChunkPages load={loadSurveyPages} what="surveys">
      {(pages) => {
        switch (route.page) {
          case 'surveys':
            return <pages.Surveys projectId={projectId} />;
          case 'survey-new':
            return <pages.SurveyNew projectId={projectId} />;
          case 'survey-edit':
            return <pages.SurveyEdit projectId={projectId} surveyId={route.surveyId} />;
          case 'survey-report':
            return <pages.SurveyReport projectId={projectId} surveyId={route.surveyId} />;
        }
      }}
    </ChunkPages>
  );
}

import { useEffect, useState } from 'preact/hooks';
import type { Route } from '../router';
import { ErrorMessage } from './ErrorMessage';
import { Loading } from './Loading';

type SurveyPages = typeof import('../pages/survey-pages');
/** The routes of the survey chunk. */
export type SurveyRoute =
  | { page: 'surveys'; projectId: string }
  | Extract<Route, { page: 'survey-new' | 'survey-edit' | 'survey-report' }>;

/** Kept once loaded, so later visits render at once instead of flashing "Loading…". */
let loaded: SurveyPages | undefined;

/** The surveys list, builder or report, from the survey chunk (fetched on first use). */
export function SurveySection({ route }: { route: SurveyRoute }) {
  const [pages, setPages] = useState(loaded);
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (pages) return;
    import('../pages/survey-pages').then(
      (module) => {
        loaded = module;
        setPages(module);
      },
      (failure: unknown) => setError(failure),
    );
  }, [attempt]);

  if (!pages) {
    if (error === undefined) return <Loading what="surveys" />;
    const retry = () => {
      setError(undefined);
      setAttempt(attempt + 1);
    };
    return <ErrorMessage error={error} retry={retry} />;
  }
  const { projectId } = route;
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
}

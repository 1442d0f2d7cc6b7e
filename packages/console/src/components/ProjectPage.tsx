import { useEffect } from 'preact/hooks';
import type { ProjectView } from '../api/types';
import { Audit } from '../pages/Audit';
import { Customer } from '../pages/Customer';
import { Customers } from '../pages/Customers';
import { Inbox } from '../pages/Inbox';
import { Install } from '../pages/Install';
import { ProjectSettings } from '../pages/ProjectSettings';
import { Team } from '../pages/Team';
import { Thread } from '../pages/Thread';
import { WidgetSettings } from '../pages/WidgetSettings';
import type { Route } from '../router';
import { hasRole, loadProject, project, role } from '../store';
import { Async } from './Async';
import { ChunkPages } from './ChunkPages';
import { LoyaltySection } from './LoyaltySection';
import { PageHeading } from './PageHeading';
import { SurveySection } from './SurveySection';
import { WebhookSection } from './WebhookSection';

type ProjectRoute = Extract<Route, { projectId: string }>;

const loadServicePages = () => import('../pages/service-pages');

/** A page inside a project: loads the project once, refuses sections above the person's role. */
export function ProjectPage({ route }: { route: ProjectRoute }) {
  const { projectId } = route;
  useEffect(() => {
    void loadProject(projectId);
  }, [projectId]);

  if (!role.value) {
    return (
      <>
        <PageHeading>Project not available</PageHeading>
        <p>
          You are not a member of this project, or it was deleted.{' '}
          <a href="#/projects">See your projects</a>.
        </p>
      </>
    );
  }
  if ((route.page === 'team' || route.page === 'audit') && !hasRole(role.value, 'owner')) {
    return (
      <>
        <PageHeading>{route.page === 'team' ? 'Team' : 'Audit log'}</PageHeading>
        <p class="notice">Only the project's owners can see this page.</p>
      </>
    );
  }
  // Pages that need only the id render at once; the others wait for the project's view.
  switch (route.page) {
    case 'inbox':
      return <Inbox projectId={projectId} />;
    case 'thread':
      return <Thread projectId={projectId} feedbackId={route.feedbackId} />;
    case 'customers':
      return <Customers projectId={projectId} />;
    case 'customer':
      return <Customer projectId={projectId} userId={route.userId} />;
    case 'surveys':
      return <SurveySection route={{ page: 'surveys', projectId }} />;
    case 'survey-new':
    case 'survey-edit':
    case 'survey-report':
      return <SurveySection route={route} />;
    case 'service':
      return (
        <ChunkPages load={loadServicePages} what="the service report">
          {(pages) => <pages.ServiceReport projectId={projectId} />}
        </ChunkPages>
      );
    case 'loyalty':
      return <LoyaltySection route={{ page: 'loyalty', projectId }} />;
    case 'loyalty-reward':
    case 'loyalty-members':
    case 'loyalty-member':
    case 'loyalty-redemptions':
      return <LoyaltySection route={route} />;
    case 'webhooks':
      return <WebhookSection route={{ page: 'webhooks', projectId }} />;
    case 'webhook':
      return <WebhookSection route={route} />;
    case 'team':
      return <Team projectId={projectId} />;
    case 'audit':
      return <Audit projectId={projectId} />;
    default:
      return <WithProject page={route.page} projectId={projectId} />;
  }
}

const NEEDS_PROJECT = {
  install: Install,
  widget: WidgetSettings,
  settings: ProjectSettings,
} as const;

function WithProject({ page, projectId }: { page: keyof typeof NEEDS_PROJECT; projectId: string }) {
  const remote = project.value;
  const current = remote?.state === 'ready' && remote.data.id !== projectId ? undefined : remote;
  const Page = NEEDS_PROJECT[page];
  return (
    <Async remote={current} what="the project" retry={() => loadProject(projectId)}>
      {(view: ProjectView) => <Page key={view.id} project={view} />}
    </Async>
  );
}

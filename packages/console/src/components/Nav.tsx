import type { Role } from '../api/types';
import { href, navigate, PROJECT_SECTIONS, type ProjectSection, type Route } from '../router';
import { hasRole, navOpen, projectId, role, route, session } from '../store';

const SECTIONS: Record<ProjectSection, { label: string; role: Role }> = {
  inbox: { label: 'Inbox', role: 'member' },
  customers: { label: 'Customers', role: 'member' },
  surveys: { label: 'Surveys', role: 'member' },
  service: { label: 'Service', role: 'member' },
  loyalty: { label: 'Loyalty', role: 'member' },
  install: { label: 'Install', role: 'member' },
  widget: { label: 'Widget', role: 'member' },
  settings: { label: 'Settings', role: 'member' },
  webhooks: { label: 'Webhooks', role: 'member' },
  team: { label: 'Team', role: 'owner' },
  audit: { label: 'Audit log', role: 'owner' },
};

/** Pages below a section, which the navigation marks as that section. */
const PARENT_SECTION: Partial<Record<Route['page'], ProjectSection>> = {
  thread: 'inbox',
  customer: 'customers',
  'survey-new': 'surveys',
  'survey-edit': 'surveys',
  'survey-report': 'surveys',
  webhook: 'webhooks',
  'loyalty-reward': 'loyalty',
  'loyalty-members': 'loyalty',
  'loyalty-member': 'loyalty',
  'loyalty-redemptions': 'loyalty',
};

/** The project switcher and the project's sections; a drawer under 800 px. */
export function Nav() {
  const projects = session.value?.projects ?? [];
  const current = projectId.value;
  const page = route.value.page;
  const active = PARENT_SECTION[page] ?? page;
  const close = () => {
    navOpen.value = false;
  };
  return (
    <nav id="nav" class={navOpen.value ? 'nav open' : 'nav'} aria-label="Console">
      {projects.length > 0 ? (
        <div class="field">
          <label for="project-switcher">Project</label>
          <select
            id="project-switcher"
            value={current ?? ''}
            onChange={(event) => {
              const id = event.currentTarget.value;
              close();
              if (id) navigate(['projects', id, 'inbox']);
            }}
          >
            {current ? null : <option value="">Choose a project</option>}
            {projects.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {current ? (
        <ul>
          {PROJECT_SECTIONS.filter((section) => hasRole(role.value, SECTIONS[section].role)).map(
            (section) => (
              <li key={section}>
                <a
                  href={href(['projects', current, section])}
                  aria-current={active === section ? 'page' : undefined}
                  onClick={close}
                >
                  {SECTIONS[section].label}
                </a>
              </li>
            ),
          )}
        </ul>
      ) : null}
      <ul class="nav-end">
        <li>
          <a
            href={href(['projects'])}
            aria-current={page === 'projects' ? 'page' : undefined}
            onClick={close}
          >
            All projects
          </a>
        </li>
        <li>
          <a
            href={href(['account'])}
            aria-current={page === 'account' ? 'page' : undefined}
            onClick={close}
          >
            Account
          </a>
        </li>
      </ul>
    </nav>
  );
}

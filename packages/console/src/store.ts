import { computed, signal } from '@preact/signals';
import { roleAtLeast } from '@rapport/protocol';
import { type ApiError, createApiClient } from './api/client';
import { adminEndpoints, consoleEndpoints } from './api/endpoints';
import type { FeedbackFilters, ProjectView, Role, SessionBody } from './api/types';
import { parseRoute, type Route, routeProjectId } from './router';

/** A server read: in flight, failed (with a sentence to show), or ready. */
export type Remote<T> =
  | { state: 'loading' }
  | { state: 'error'; error: unknown }
  | { state: 'ready'; data: T };

/** The colour scheme the person picked; `auto` follows `prefers-color-scheme`. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

const THEME_KEY = 'rapport-console-theme';
/** True when `role` may do what `needed` may; false when not a member at all. */
export function hasRole(role: Role | undefined, needed: Role): boolean {
  return role !== undefined && roleAtLeast(role, needed);
}

/**
 * The session: `undefined` while the console asks the server, `null` when signed out.
 * Only {@link startSession}/{@link endSession} write it.
 */
export const session = signal<SessionBody | null | undefined>(undefined);
/** Whether an owner account exists (`GET /v1/console/status`); undefined until known. */
export const hasOwner = signal<boolean | undefined>(undefined);
/** The current hash route. */
export const route = signal<Route>(
  parseRoute(typeof location === 'undefined' ? '' : location.hash),
);
/** The open project's full view, loaded when the route names a project. */
export const project = signal<Remote<ProjectView> | undefined>(undefined);
export const theme = signal<ThemeChoice>(readTheme());
/** Mobile navigation drawer. */
export const navOpen = signal(false);
/** A sentence announced politely to screen readers (and shown) after an action elsewhere. */
export const notice = signal<string | undefined>(undefined);

export const projectId = computed(() => routeProjectId(route.value));
/** The signed-in person's role in the open project. */
export const role = computed<Role | undefined>(() => {
  const id = projectId.value;
  return session.value?.projects.find((item) => item.id === id)?.role;
});

const client = createApiClient({
  csrfToken: () => session.value?.csrfToken,
  onUnauthorized: (error: ApiError) => {
    // A session that expired mid-use: back to sign-in (the sign-in form's own 401 is not this).
    if (session.value && error.code === 'unauthorized') session.value = null;
  },
});

/** /v1/console/* calls. */
export const api = consoleEndpoints(client);
/** Admin API calls for a project. */
export const admin = (id: string) => adminEndpoints(client, id);

export function startSession(body: SessionBody): void {
  session.value = body;
  hasOwner.value = true;
}

export function endSession(): void {
  session.value = null;
  project.value = undefined;
}

/** Asks the server who is signed in (and whether first run is needed). */
export async function loadSession(): Promise<void> {
  try {
    startSession(await api.session());
  } catch {
    session.value = null;
    try {
      hasOwner.value = (await api.status()).hasOwner;
    } catch {
      hasOwner.value = true;
    }
  }
}

/** (Re)loads the open project; pages call it after a change. */
export async function loadProject(id: string): Promise<void> {
  if (project.value?.state !== 'ready' || project.value.data.id !== id) {
    project.value = { state: 'loading' };
  }
  try {
    project.value = { state: 'ready', data: await api.project(id) };
  } catch (error) {
    project.value = { state: 'error', error };
  }
}

/** Updates the project in place after a write that answered with the new view. */
export function setProject(view: ProjectView): void {
  project.value = { state: 'ready', data: view };
  const current = session.value;
  if (current) {
    session.value = {
      ...current,
      projects: current.projects.map((item) =>
        item.id === view.id ? { ...item, name: view.name } : item,
      ),
    };
  }
}

export function setTheme(choice: ThemeChoice): void {
  theme.value = choice;
  try {
    localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

function readTheme(): ThemeChoice {
  try {
    const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(THEME_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'auto';
  } catch {
    return 'auto';
  }
}

/** The inbox's filters, kept while a thread is open so "back" finds the same list. */
export const inboxFilters = signal<FeedbackFilters>({});

import { useEffect } from 'preact/hooks';
import { requestHeadingFocus } from '../heading-focus';
import { AcceptInvite } from '../pages/AcceptInvite';
import { Account } from '../pages/Account';
import { NotFound } from '../pages/NotFound';
import { Projects } from '../pages/Projects';
import { Setup } from '../pages/Setup';
import { SignIn } from '../pages/SignIn';
import { hasOwner, notice, route, session } from '../store';
import { Header } from './Header';
import { Loading } from './Loading';
import { Nav } from './Nav';
import { ProjectPage } from './ProjectPage';

/**
 * The whole console: skip link, top bar, navigation and the page for the current route.
 * After each navigation the page's `<h1>` takes focus (see heading-focus.ts).
 */
export function App() {
  const current = route.value;
  const signedIn = session.value;

  useEffect(() => {
    requestHeadingFocus();
  }, [current, Boolean(signedIn)]);

  return (
    <div class={signedIn ? 'app' : 'app signed-out'}>
      {/* A button, not an #anchor: the hash is the router's. */}
      <button type="button" class="skip" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <Header />
      <div class="layout">
        {signedIn ? <Nav /> : null}
        <main id="main" tabIndex={-1}>
          <p class="notice-live" role="status" aria-live="polite">
            {notice.value}
          </p>
          <Page />
        </main>
      </div>
    </div>
  );
}

function Page() {
  const current = route.value;
  const signedIn = session.value;
  if (signedIn === undefined) return <Loading what="the console" />;
  if (current.page === 'invite') return <AcceptInvite token={current.token} />;
  if (!signedIn) {
    if (current.page === 'setup' || hasOwner.value === false) return <Setup />;
    return <SignIn />;
  }
  switch (current.page) {
    case 'home':
    case 'setup':
    case 'sign-in':
      return <Home />;
    case 'projects':
      return <Projects />;
    case 'account':
      return <Account />;
    case 'not-found':
      return <NotFound />;
    default:
      return <ProjectPage route={current} />;
  }
}

/** Signed in at `#/`: straight to the first project's inbox, or to Projects to create one. */
function Home() {
  const first = session.value?.projects[0];
  useEffect(() => {
    location.replace(first ? `#/projects/${encodeURIComponent(first.id)}/inbox` : '#/projects');
  }, [first]);
  return <Loading what="your projects" />;
}

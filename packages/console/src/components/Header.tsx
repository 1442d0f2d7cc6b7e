import { navOpen, session, setTheme, type ThemeChoice, theme } from '../store';

/** The top bar: the brand, the theme choice and (on small screens) the menu button. */
export function Header() {
  const signedIn = Boolean(session.value);
  return (
    <header class="topbar">
      {signedIn ? (
        <button
          type="button"
          class="menu secondary"
          aria-expanded={navOpen.value}
          aria-controls="nav"
          onClick={() => {
            navOpen.value = !navOpen.value;
          }}
        >
          Menu
        </button>
      ) : null}
      <a class="brand" href="#/">
        Rapport <span class="hint">console</span>
      </a>
      <div class="topbar-end">
        <label for="theme" class="visually-hidden">
          Colour theme
        </label>
        <select
          id="theme"
          value={theme.value}
          onChange={(event) => setTheme(event.currentTarget.value as ThemeChoice)}
        >
          <option value="auto">Auto theme</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
        {signedIn ? <span class="hint user">{session.value?.user.name}</span> : null}
      </div>
    </header>
  );
}

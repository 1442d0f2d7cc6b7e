/// <reference types="vite/client" />
import { effect } from '@preact/signals';
import { render } from 'preact';
import { App } from './components/App';
import { parseRoute } from './router';
import { loadSession, navOpen, route, theme } from './store';
import './styles/console.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/pages.css';
import './styles/surveys.css';

window.addEventListener('hashchange', () => {
  route.value = parseRoute(location.hash);
  navOpen.value = false;
});
effect(() => {
  document.documentElement.dataset.theme = theme.value;
});
void loadSession();
const root = document.getElementById('app');
if (root) render(<App />, root);

import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

// Unmount whatever a test rendered, and start the next one at the console's root route.
afterEach(() => {
  cleanup();
  history.replaceState(null, '', '/console/');
});

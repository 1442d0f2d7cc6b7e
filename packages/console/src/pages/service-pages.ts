/**
 * The Service report, loaded as its own chunk the first time its route opens (see
 * components/ProjectPage.tsx), so signing in and the inbox do not pay for it.
 */
export { ServiceReport } from './ServiceReport';

import { PageHeading } from '../components/PageHeading';

/** An address the console does not know. */
export function NotFound() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        This address does not lead anywhere in the console.{' '}
        <a href="#/projects">Go to your projects</a>.
      </p>
    </>
  );
}

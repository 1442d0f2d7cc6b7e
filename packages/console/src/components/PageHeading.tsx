import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { headingMounted } from '../heading-focus';

/**
 * The page's `<h1>`. It takes focus after each navigation (see heading-focus.ts), also when
 * it appears only once the page's data has loaded.
 */
export function PageHeading({ children }: { children: ComponentChildren }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (ref.current) headingMounted(ref.current);
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} class="page-heading">
      {children}
    </h1>
  );
}

import { fireEvent, screen } from '@testing-library/preact';
import { survey } from './fixtures';
import { HttpResponse, http, type useMsw } from './msw';

/** Types `value` into the field labelled `label`, as one input event. */
export function type(label: string | RegExp, value: string): void {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

/** The error texts a field points at through aria-describedby. */
export function describedErrors(field: HTMLElement): string[] {
  return (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id))
    .filter((element) => element?.classList.contains('field-error'))
    .map((element) => element?.textContent ?? '');
}

/**
 * Answers the survey builder's `POST /v1/admin/surveys` with `answer` (a created survey by
 * default) and an empty list after it; returns the bodies sent, in order.
 */
export function recordSurveyCreates(
  server: ReturnType<typeof useMsw>,
  answer: () => Response = () => HttpResponse.json(survey(), { status: 201 }),
): unknown[] {
  const bodies: unknown[] = [];
  server.use(
    http.post('*/v1/admin/surveys', async ({ request }) => {
      bodies.push(await request.json());
      return answer();
    }),
    http.get('*/v1/admin/surveys', () => HttpResponse.json({ items: [] })),
  );
  return bodies;
}

/**
 * A check that failed for a reason worth printing as it is: the message is the whole
 * explanation the user sees under the ✗, so it is short and says what was expected.
 */
export class CheckFailure extends Error {
  override readonly name = 'CheckFailure' as const;
}

/** The one-line-or-few reason to print for anything a check threw. */
export function reasonOf(error: unknown): string {
  if (error instanceof CheckFailure) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

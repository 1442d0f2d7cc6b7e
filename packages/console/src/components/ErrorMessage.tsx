import { errorText, isApiError } from '../api/client';

interface ErrorMessageProps {
  error: unknown;
  retry?: (() => void) | undefined;
}

/** A failed read or write as one clear sentence (never a stack trace), with "Try again". */
export function ErrorMessage({ error, retry }: ErrorMessageProps) {
  const forbidden = isApiError(error) && error.status === 403;
  return (
    <div class="error" role="alert">
      <p>{forbidden ? `You cannot do this: ${errorText(error)}` : errorText(error)}</p>
      {retry && !forbidden ? (
        <button type="button" class="secondary" onClick={retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

import type { ResolutionRating } from '../api/types';
import { formatDateTime } from '../format';

/**
 * The customer's answer to "Did we solve this?", asked in the widget once the thread was
 * resolved: the score out of 5 and the comment (shown as text), or that they dismissed it.
 */
export function ResolutionRatingCard({ rating }: { rating: ResolutionRating | null | undefined }) {
  if (!rating) return null;
  return (
    <section class="card stack" aria-labelledby="resolution-heading">
      <h2 id="resolution-heading">Did we solve this?</h2>
      {rating.score === null ? (
        <p>The customer dismissed the question without answering.</p>
      ) : (
        <p>
          The customer answered <strong>{rating.score} out of 5</strong>.
        </p>
      )}
      {rating.comment ? <blockquote class="prewrap">{rating.comment}</blockquote> : null}
      <p class="hint">
        <time dateTime={rating.createdAt}>{formatDateTime(rating.createdAt)}</time>, about the
        resolution of <time dateTime={rating.resolvedAt}>{formatDateTime(rating.resolvedAt)}</time>
      </p>
    </section>
  );
}

import { NPS_BANDS } from '@rapport/protocol';
import { useState } from 'preact/hooks';
import type { CommentFilters, Survey } from '../api/types';
import { formatDateTime } from '../format';
import { useLoadMore } from '../hooks/use-load-more';
import { BAND_NAMES, scoresOf } from '../report-format';
import { admin } from '../store';
import { NPS_BAND_RANGES } from '../survey-draft';
import { useRemote } from '../use-remote';
import { Async } from './Async';
import { Empty } from './Empty';
import { LoadMore } from './LoadMore';

/** The filter select's value: a band, a score, or everything. */
function filtersOf(choice: string, q: string): CommentFilters {
  const filters: CommentFilters = {};
  if ((NPS_BANDS as readonly string[]).includes(choice)) {
    filters.band = choice as CommentFilters['band'];
  } else if (choice) filters.score = Number(choice);
  if (q.trim()) filters.q = q.trim();
  return filters;
}

/** A survey's comments, newest first: by band (NPS) or score (CSAT), searchable, page by page. */
export function SurveyComments({ projectId, survey }: { projectId: string; survey: Survey }) {
  const [choice, setChoice] = useState('');
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<CommentFilters>({});
  const api = admin(projectId);
  const { remote, reload, set } = useRemote(
    () => api.surveyComments(survey.id, filters),
    [projectId, survey.id, JSON.stringify(filters)],
  );
  const more = useLoadMore((cursor) => api.surveyComments(survey.id, filters, cursor), set);
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">Comments</h2>
      <form
        class="row wrap comment-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setFilters(filtersOf(choice, q));
        }}
      >
        <div class="field">
          <label for="comments-filter">{survey.type === 'nps' ? 'Band' : 'Score'}</label>
          <select
            id="comments-filter"
            value={choice}
            onChange={(event) => {
              setChoice(event.currentTarget.value);
              setFilters(filtersOf(event.currentTarget.value, q));
            }}
          >
            <option value="">All comments</option>
            {survey.type === 'nps'
              ? [...NPS_BANDS].reverse().map((band) => (
                  <option key={band} value={band}>
                    {BAND_NAMES[band]} ({NPS_BAND_RANGES[band]})
                  </option>
                ))
              : scoresOf('csat').map((score) => (
                  <option key={score} value={String(score)}>
                    {score}
                  </option>
                ))}
          </select>
        </div>
        <div class="field">
          <label for="comments-search">Search comments</label>
          <input
            id="comments-search"
            type="search"
            value={q}
            onInput={(event) => setQ(event.currentTarget.value)}
          />
        </div>
        <div class="field">
          <button type="submit" class="secondary">
            Search
          </button>
        </div>
      </form>
      <Async remote={remote} what="comments" retry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              <p>
                {filters.band || filters.score !== undefined || filters.q
                  ? 'No comment matches these filters.'
                  : 'No comments yet: visitors may add one after their score.'}
              </p>
            </Empty>
          ) : (
            <>
              <ul class="plain stack comments">
                {page.items.map((item) => (
                  <li key={item.id} class="card">
                    <p class="comment-text">{item.comment}</p>
                    <p class="hint">
                      Score {item.score ?? '—'} · {formatDateTime(item.createdAt)} ·{' '}
                      {item.userId ?? 'anonymous visitor'}
                    </p>
                  </li>
                ))}
              </ul>
              <LoadMore page={page} more={more} />
            </>
          )
        }
      </Async>
    </section>
  );
}

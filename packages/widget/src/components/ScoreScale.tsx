import { useRef } from 'preact/hooks';
import { guard } from '../actions/report-error';
import { useStore } from './store-context';

interface Props {
  /** The scores, lowest first (0–10 for NPS, 1–5 for CSAT). */
  scores: number[];
  selected: number | undefined;
  /** `keyboard` when arrows, Home or End moved the choice (it may be only passing by). */
  onSelect: (score: number, by: 'pointer' | 'keyboard') => void;
  /** Id of the element holding the question. */
  labelledBy: string;
  /** Accessible name of each score. */
  labelOf: (score: number) => string;
  /** Captions under the first and last score. */
  ends: [string, string];
}

const STEPS: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * A row of scores as a WAI-ARIA radio group: one tab stop, arrows move and select,
 * Home and End jump to the ends.
 */
export function ScoreScale({ scores, selected, onSelect, labelledBy, labelOf, ends }: Props) {
  const store = useStore();
  const group = useRef<HTMLDivElement>(null);
  const tabStop = selected ?? scores[0];

  const choose = (score: number | undefined, by: 'pointer' | 'keyboard') => {
    if (score === undefined) return;
    onSelect(score, by);
    group.current?.querySelector<HTMLElement>(`[data-score="${score}"]`)?.focus();
  };

  const onKeyDown = guard(store.client, (event: KeyboardEvent) => {
    const index = selected === undefined ? -1 : scores.indexOf(selected);
    let next: number | undefined;
    if (event.key === 'Home') next = scores[0];
    else if (event.key === 'End') next = scores[scores.length - 1];
    else if (event.key in STEPS) {
      const step = STEPS[event.key] ?? 0;
      const from = index === -1 ? (step > 0 ? -1 : scores.length) : index;
      next = scores[Math.min(scores.length - 1, Math.max(0, from + step))];
    } else return;
    event.preventDefault();
    choose(next, 'keyboard');
  });

  return (
    <div class="scale">
      <div
        ref={group}
        class="scores"
        role="radiogroup"
        aria-labelledby={labelledBy}
        onKeyDown={onKeyDown}
      >
        {scores.map((score) => (
          // biome-ignore lint/a11y/useSemanticElements: a styled row of score buttons with a roving tab stop; native radios would need hidden inputs and label tricks for the same result.
          <button
            key={score}
            type="button"
            role="radio"
            data-score={score}
            aria-checked={score === selected}
            aria-label={labelOf(score)}
            tabIndex={score === tabStop ? 0 : -1}
            onClick={guard(store.client, () => choose(score, 'pointer'))}
          >
            {score}
          </button>
        ))}
      </div>
      <div class="ends" aria-hidden="true">
        <span>{ends[0]}</span>
        <span>{ends[1]}</span>
      </div>
    </div>
  );
}

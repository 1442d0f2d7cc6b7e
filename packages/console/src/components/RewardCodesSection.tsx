import { MAX_REWARD_CODES_PER_REQUEST } from '@rapport/protocol';
import { useState } from 'preact/hooks';
import type { Reward } from '../api/types';
import { useSubmit } from '../hooks/use-submit';
import { parseCodes } from '../reward-draft';
import { admin, notice } from '../store';
import { useRemote } from '../use-remote';
import { Async } from './Async';
import { CopyButton } from './CopyButton';
import { SubmitRow } from './SubmitRow';

interface RewardCodesSectionProps {
  projectId: string;
  reward: Reward;
  /** Codes were added: the reward's count changed. */
  onChange: () => void;
}

/**
 * A reward's codes: how many are free and handed out, a field to paste the shop's own codes
 * (one per line), a button to generate some, and the list, free ones first.
 */
export function RewardCodesSection({ projectId, reward, onChange }: RewardCodesSectionProps) {
  const api = admin(projectId);
  const codes = useRemote(() => api.rewardCodes(reward.id), [projectId, reward.id]);
  const [text, setText] = useState('');
  const [count, setCount] = useState('20');
  const [generated, setGenerated] = useState<string[] | undefined>();
  const parsed = parseCodes(text);
  const after = (message: string) => {
    codes.reload();
    onChange();
    notice.value = message;
  };
  const upload = useSubmit(
    async () => {
      const added = await api.addRewardCodes(reward.id, { codes: parsed.codes });
      setText('');
      upload.setTried(false);
      after(
        `${added.added} ${added.added === 1 ? 'code' : 'codes'} added${added.skipped ? `, ${added.skipped} already there` : ''}; ${added.available} free.`,
      );
    },
    () => parsed.problem,
  );
  const amount = /^\d+$/.test(count.trim()) ? Number(count.trim()) : 0;
  const countProblem =
    amount >= 1 && amount <= MAX_REWARD_CODES_PER_REQUEST
      ? undefined
      : `From 1 to ${MAX_REWARD_CODES_PER_REQUEST}.`;
  const generate = useSubmit(
    async () => {
      const added = await api.addRewardCodes(reward.id, { generate: amount });
      setGenerated(added.generated ?? []);
      after(`${added.added} codes generated; ${added.available} free.`);
    },
    () => countProblem,
  );

  return (
    <section class="stack" aria-labelledby="codes-heading">
      <h2 id="codes-heading">Codes</h2>
      <p class="hint">
        Each redemption hands the customer one free code, once: they see it in the widget and in
        their activity. With no free code left, the reward is out of stock.
      </p>
      <form class="card stack" onSubmit={upload.submit} noValidate>
        <div class="field">
          <label for="codes-upload">Your codes, one per line</label>
          <textarea
            id="codes-upload"
            rows={4}
            spellcheck={false}
            value={text}
            aria-invalid={upload.tried && parsed.problem ? true : undefined}
            aria-describedby={upload.tried && parsed.problem ? 'codes-upload-error' : undefined}
            onInput={(event) => setText(event.currentTarget.value)}
          />
          {upload.tried && parsed.problem ? (
            <p class="field-error" id="codes-upload-error">
              {parsed.problem}
            </p>
          ) : null}
        </div>
        <SubmitRow form={upload} label="Add codes" busyLabel="Adding…" />
      </form>
      <form class="card stack" onSubmit={generate.submit} noValidate>
        <div class="field">
          <label for="codes-generate">Or generate codes</label>
          <input
            id="codes-generate"
            inputMode="numeric"
            value={count}
            aria-invalid={generate.tried && countProblem ? true : undefined}
            aria-describedby="codes-generate-hint"
            onInput={(event) => setCount(event.currentTarget.value)}
          />
          <p class="hint" id="codes-generate-hint">
            How many (up to {MAX_REWARD_CODES_PER_REQUEST}); your checkout must accept them.
            {generate.tried && countProblem ? ` ${countProblem}` : ''}
          </p>
        </div>
        <SubmitRow form={generate} label="Generate codes" busyLabel="Generating…" />
        {generated && generated.length > 0 ? (
          <div class="stack">
            <p class="mono prewrap break" id="generated-codes">
              {generated.join('\n')}
            </p>
            <CopyButton
              text={generated.join('\n')}
              label="Copy the generated codes"
              target="generated-codes"
            />
          </div>
        ) : null}
      </form>
      <Async remote={codes.remote} what="codes" retry={codes.reload}>
        {(list) => (
          <>
            <p>
              <strong>{list.available.toLocaleString()}</strong> free ·{' '}
              <strong>{list.handedOut.toLocaleString()}</strong> handed out
            </p>
            {list.items.length > 0 ? (
              <details>
                <summary>
                  Show the codes
                  {list.items.length < list.available + list.handedOut
                    ? ` (first ${list.items.length})`
                    : ''}
                </summary>
                <ul class="plain mono">
                  {list.items.map((item) => (
                    <li key={item.code}>
                      {item.code} {item.redemptionId ? '— handed out' : ''}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </>
        )}
      </Async>
    </section>
  );
}

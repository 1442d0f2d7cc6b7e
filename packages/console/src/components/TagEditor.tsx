import { useState } from 'preact/hooks';

interface TagEditorProps {
  tags: string[];
  onSave: (tags: string[]) => void;
}

/** Tags as removable chips and a field to add one (Enter or "Add tag"). */
export function TagEditor({ tags, onSave }: TagEditorProps) {
  const [draft, setDraft] = useState('');
  const add = (event: Event) => {
    event.preventDefault();
    const tag = draft.trim().toLowerCase();
    if (!tag || tags.includes(tag)) return setDraft('');
    setDraft('');
    onSave([...tags, tag]);
  };
  return (
    <div class="field">
      <span class="label" id="tags-label">
        Tags
      </span>
      {tags.length ? (
        <ul class="chips plain" aria-labelledby="tags-label">
          {tags.map((tag) => (
            <li key={tag} class="chip">
              {tag}
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => onSave(tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="hint">No tags.</p>
      )}
      <form class="row" onSubmit={add}>
        <label for="new-tag" class="visually-hidden">
          New tag
        </label>
        <input
          id="new-tag"
          value={draft}
          maxLength={40}
          placeholder="New tag"
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <button type="submit" class="secondary">
          Add tag
        </button>
      </form>
    </div>
  );
}

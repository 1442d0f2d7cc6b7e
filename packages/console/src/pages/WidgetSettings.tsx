import { DEFAULT_ACCENT, type Panel } from '@rapport/protocol';
import { useMemo, useState } from 'preact/hooks';
import { errorText } from '../api/client';
import type { ProjectSettings, ProjectView, WidgetConfig } from '../api/types';
import { PageHeading } from '../components/PageHeading';
import { TextOverrides } from '../components/TextOverrides';
import { WidgetPreview } from '../components/WidgetPreview';
import type { PreviewOptions } from '../preview/preview-message';
import { api, hasRole, role, setProject } from '../store';
import { WIDGET_LOCALES } from '../widget-texts';

const PANELS: { id: Panel; label: string }[] = [
  { id: 'feedback', label: 'Feedback form' },
  { id: 'surveys', label: 'Surveys (NPS, CSAT pop-ups)' },
  { id: 'loyalty', label: 'Rewards' },
  { id: 'inbox', label: 'Messages (replies from your team)' },
];
/** Same rule as the widget's `safeColour`, so what is saved is what visitors get. */
const COLOUR = /^#[0-9a-f]{3}([0-9a-f]{3})?$/i;

/** The texts choice that edits the overrides shown in every language. */
const ALL_LANGUAGES = 'all';

/** Accent, theme, position, panels, texts and survey pacing, with the live widget beside them. */
export function WidgetSettings({ project }: { project: ProjectView }) {
  const canEdit = hasRole(role.value, 'admin');
  const [config, setConfig] = useState<WidgetConfig>(project.widgetConfig);
  const [settings, setSettings] = useState<ProjectSettings>(project.settings);
  // Which overrides are edited (and previewed): one language's, or those for every language.
  const [locale, setLocale] = useState<string>(ALL_LANGUAGES);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const accentError = COLOUR.test(config.theme.accent)
    ? undefined
    : `Use a hex colour like ${DEFAULT_ACCENT}.`;

  const previewLocale = locale === ALL_LANGUAGES ? 'en' : locale;
  const editedTexts =
    locale === ALL_LANGUAGES ? config.texts : (config.textsByLocale?.[locale] ?? {});
  const setEditedTexts = (texts: Record<string, string>) =>
    locale === ALL_LANGUAGES
      ? patch({ texts })
      : patch({ textsByLocale: { ...config.textsByLocale, [locale]: texts } });
  const preview = useMemo<PreviewOptions>(
    () => ({
      theme: config.theme.mode,
      accent: accentError ? DEFAULT_ACCENT : config.theme.accent,
      position: config.position,
      panels: config.panels,
      locale: previewLocale,
      texts: { ...config.texts, ...config.textsByLocale?.[previewLocale] },
    }),
    [config, locale, accentError],
  );
  const patch = (next: Partial<WidgetConfig>) => setConfig({ ...config, ...next });
  const togglePanel = (panel: Panel, on: boolean) =>
    patch({
      panels: PANELS.map((p) => p.id).filter((id) =>
        id === panel ? on : config.panels.includes(id),
      ),
    });

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy || !canEdit) return;
    if (accentError) return setMessage({ ok: false, text: accentError });
    setBusy(true);
    setMessage(undefined);
    try {
      setProject(await api.updateWidget(project.id, { widgetConfig: config, settings }));
      setMessage({ ok: true, text: 'Saved. Visitors get it on their next page load.' });
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>Widget settings</PageHeading>
      {canEdit ? null : (
        <p class="notice">Only admins and owners can change the widget. You can look.</p>
      )}
      <div class="split">
        <form class="stack" onSubmit={save} noValidate>
          <fieldset class="card stack" disabled={!canEdit}>
            <legend>Look</legend>
            <div class="field">
              <label for="accent">Accent colour</label>
              <div class="row">
                <input
                  type="color"
                  aria-label="Pick the accent colour"
                  value={accentError ? DEFAULT_ACCENT : config.theme.accent}
                  onInput={(e) =>
                    patch({ theme: { ...config.theme, accent: e.currentTarget.value } })
                  }
                />
                <input
                  id="accent"
                  value={config.theme.accent}
                  aria-invalid={accentError ? true : undefined}
                  aria-describedby="accent-hint"
                  onInput={(e) =>
                    patch({ theme: { ...config.theme, accent: e.currentTarget.value.trim() } })
                  }
                />
              </div>
              <p class={accentError ? 'field-error' : 'hint'} id="accent-hint">
                {accentError ??
                  'Buttons and the launcher. Keep at least 4.5:1 contrast with white text.'}
              </p>
            </div>
            <Choice
              id="theme-mode"
              label="Colour scheme"
              value={config.theme.mode}
              options={[
                ['auto', 'Follow the visitor (auto)'],
                ['light', 'Light'],
                ['dark', 'Dark'],
              ]}
              onChange={(mode) =>
                patch({ theme: { ...config.theme, mode: mode as WidgetConfig['theme']['mode'] } })
              }
            />
            <Choice
              id="position"
              label="Position"
              value={config.position}
              options={[
                ['bottom-right', 'Bottom right'],
                ['bottom-left', 'Bottom left'],
              ]}
              onChange={(position) => patch({ position: position as WidgetConfig['position'] })}
            />
          </fieldset>
          <fieldset class="card stack" disabled={!canEdit}>
            <legend>Panels</legend>
            {PANELS.map((panel) => (
              <label key={panel.id} class="check">
                <input
                  type="checkbox"
                  checked={config.panels.includes(panel.id)}
                  onChange={(e) => togglePanel(panel.id, e.currentTarget.checked)}
                />
                {panel.label}
              </label>
            ))}
          </fieldset>
          <fieldset class="card stack" disabled={!canEdit}>
            <legend>Texts</legend>
            <Choice
              id="preview-locale"
              label="Texts for"
              value={locale}
              options={[
                [ALL_LANGUAGES, 'Every language'],
                ...WIDGET_LOCALES.map((item): [string, string] => [item.tag, item.label]),
              ]}
              onChange={setLocale}
            />
            <TextOverrides texts={editedTexts} locale={previewLocale} onChange={setEditedTexts} />
          </fieldset>
          <Pacing settings={settings} onChange={setSettings} disabled={!canEdit} />
          <div role="status" class={message?.ok ? 'form-ok' : 'form-error'}>
            {message?.text}
          </div>
          {canEdit ? (
            <button type="submit" disabled={busy}>
              {busy ? 'Saving…' : 'Save widget settings'}
            </button>
          ) : null}
        </form>
        <WidgetPreview options={preview} />
      </div>
    </>
  );
}

interface ChoiceProps {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}

function Choice({ id, label, value, options, onChange }: ChoiceProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

interface PacingProps {
  settings: ProjectSettings;
  onChange: (settings: ProjectSettings) => void;
  disabled: boolean;
}

function Pacing({ settings, onChange, disabled }: PacingProps) {
  const number = (key: 'surveyGlobalWaitDays' | 'minFillSeconds') => (event: Event) => {
    const value = Number((event.currentTarget as HTMLInputElement).value);
    if (Number.isFinite(value) && value >= 0) onChange({ ...settings, [key]: value });
  };
  return (
    <fieldset class="card stack" disabled={disabled}>
      <legend>Pacing and protection</legend>
      <div class="field">
        <label for="global-wait">Days between two surveys for one visitor</label>
        <input
          id="global-wait"
          type="number"
          min={0}
          max={365}
          step={1}
          value={settings.surveyGlobalWaitDays}
          onInput={number('surveyGlobalWaitDays')}
        />
        <p class="hint">
          No survey shows to a visitor who answered or dismissed any survey this recently.
        </p>
      </div>
      <div class="field">
        <label for="min-fill">Minimum fill time of the feedback form (seconds)</label>
        <input
          id="min-fill"
          type="number"
          min={0}
          max={60}
          step={0.5}
          value={settings.minFillSeconds}
          onInput={number('minFillSeconds')}
        />
        <p class="hint">Faster submissions are treated as bots.</p>
      </div>
      <label class="check">
        <input
          type="checkbox"
          checked={settings.identityVerificationRequired}
          onChange={(e) =>
            onChange({ ...settings, identityVerificationRequired: e.currentTarget.checked })
          }
        />
        Refuse a user id without a valid userHash
      </label>
    </fieldset>
  );
}

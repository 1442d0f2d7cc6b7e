import { TRAIT_RULE_LIMITS } from '@rapport/protocol';
import { fieldId, type SurveyDraft, type SurveyField, type SurveyProblems } from '../survey-draft';
import {
  emptyRule,
  RULE_CONDITIONS,
  type RuleCondition,
  type TraitRuleDraft,
  takesValue,
} from '../trait-rules-draft';
import { Field } from './Field';

interface TraitRulesFieldsProps {
  draft: SurveyDraft;
  problems: SurveyProblems;
  onChange: (next: Partial<SurveyDraft>, fields?: SurveyField[]) => void;
}

const ADD_ID = 'survey-add-rule';
const traitField = (index: number) => `targeting.traits.rules.${index}.trait` as const;
const valueField = (index: number) => `targeting.traits.rules.${index}.value` as const;

/** Focus after the render that adds or removes the control. */
function focusLater(id: string): void {
  setTimeout(() => document.getElementById(id)?.focus());
}

/**
 * Rules on the person's verified traits (`targeting.traits`): a row each — trait, condition,
 * value — added and removed with buttons that keep the keyboard where it was. The server
 * decides; a visitor who is not proven by a userHash never matches.
 */
export function TraitRulesFields({ draft, problems, onChange }: TraitRulesFieldsProps) {
  const rules = draft.traitRules;
  const change = (index: number, patch: Partial<TraitRuleDraft>) =>
    onChange(
      { traitRules: rules.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)) },
      [traitField(index), valueField(index)],
    );
  const add = () => {
    onChange({ traitRules: [...rules, emptyRule()] });
    focusLater(fieldId(traitField(rules.length)));
  };
  const remove = (index: number) => {
    // Later rules move up, so problems the server named by position no longer apply.
    onChange({ traitRules: rules.filter((_, at) => at !== index) }, ruleFieldsFrom(index, rules));
    focusLater(ADD_ID);
  };
  const full = rules.length >= TRAIT_RULE_LIMITS.rules;
  return (
    <fieldset class="card stack" aria-describedby="survey-traits-hint">
      <legend>Only for people whose traits match</legend>
      <p class="hint" id="survey-traits-hint">
        Traits your site sends with identify() and a valid userHash, like plan or seats. A survey
        with rules is never shown to a visitor who is not signed in, nor decided by traits sent
        without the hash. Numbers and true/false are compared as such; put quotes around text that
        looks like one ("12").
      </p>
      {rules.length === 0 ? <p>No rules: everyone who qualifies above may see it.</p> : null}
      {rules.length > 1 ? (
        <MatchChoice match={draft.traitMatch} onChange={(traitMatch) => onChange({ traitMatch })} />
      ) : null}
      {rules.map((rule, index) => (
        <RuleRow
          key={index}
          index={index}
          rule={rule}
          problems={problems}
          onChange={(patch) => change(index, patch)}
          onRemove={() => remove(index)}
        />
      ))}
      <div class="actions">
        <button
          type="button"
          id={ADD_ID}
          class="secondary"
          disabled={full}
          aria-describedby={full ? 'survey-rules-full' : undefined}
          onClick={add}
        >
          Add a rule
        </button>
      </div>
      {full ? (
        <p class="hint" id="survey-rules-full">
          A survey takes at most {TRAIT_RULE_LIMITS.rules} rules.
        </p>
      ) : null}
    </fieldset>
  );
}

function ruleFieldsFrom(index: number, rules: TraitRuleDraft[]): SurveyField[] {
  return rules.slice(index).flatMap((_, offset) => {
    const at = index + offset;
    return [traitField(at), valueField(at)];
  });
}

interface RuleRowProps {
  index: number;
  rule: TraitRuleDraft;
  problems: SurveyProblems;
  onChange: (patch: Partial<TraitRuleDraft>) => void;
  onRemove: () => void;
}

function RuleRow({ index, rule, problems, onChange, onRemove }: RuleRowProps) {
  const n = index + 1;
  const conditionId = `survey-rule-${index}-condition`;
  return (
    <fieldset class="row wrap trait-rule">
      <legend class="visually-hidden">Rule {n}</legend>
      <Field
        id={fieldId(traitField(index))}
        label={`Rule ${n}: trait`}
        value={rule.trait}
        error={problems[traitField(index)]}
        onValue={(trait) => onChange({ trait })}
        autocomplete="off"
        spellcheck={false}
      />
      <div class="field">
        <label for={conditionId}>Rule {n}: condition</label>
        <select
          id={conditionId}
          value={rule.condition}
          onChange={(event) => onChange({ condition: event.currentTarget.value as RuleCondition })}
        >
          {RULE_CONDITIONS.map(([condition, words]) => (
            <option key={condition} value={condition}>
              {words}
            </option>
          ))}
        </select>
      </div>
      {takesValue(rule.condition) ? (
        <Field
          id={fieldId(valueField(index))}
          label={`Rule ${n}: value`}
          value={rule.value}
          error={problems[valueField(index)]}
          onValue={(value) => onChange({ value })}
          {...(rule.condition === 'in' && { hint: 'Separate the values with commas.' })}
          {...((rule.condition === 'gt' || rule.condition === 'lt') && { inputMode: 'decimal' })}
          autocomplete="off"
          spellcheck={false}
        />
      ) : null}
      <button type="button" class="secondary" onClick={onRemove}>
        Remove<span class="visually-hidden"> rule {n}</span>
      </button>
    </fieldset>
  );
}

function MatchChoice({
  match,
  onChange,
}: {
  match: SurveyDraft['traitMatch'];
  onChange: (match: SurveyDraft['traitMatch']) => void;
}) {
  const options: Array<[SurveyDraft['traitMatch'], string]> = [
    ['all', 'Every rule holds'],
    ['any', 'Any one rule holds'],
  ];
  return (
    <fieldset class="choice">
      <legend>Show when</legend>
      {options.map(([value, words]) => (
        <label key={value} class="check">
          <input
            type="radio"
            name="survey-trait-match"
            value={value}
            checked={match === value}
            onChange={() => onChange(value)}
          />
          {words}
        </label>
      ))}
    </fieldset>
  );
}

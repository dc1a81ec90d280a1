/**
 * Form building blocks. Each field has a visible label, an optional hint, and when invalid an inline
 * message wired with aria-invalid and aria-describedby; the error summary links to each field.
 * Values passed in are what the user typed, so nothing is lost when a form comes back with errors.
 */
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { Messages } from '../../i18n/index.ts';
import { CSRF_FIELD, csrfToken } from '../auth/csrf.ts';
import type { AppEnv } from '../env.ts';

export type FormErrors = Record<string, string | undefined>;
export type FormValues = Record<string, string | string[] | undefined>;

/**
 * A field's element id: `f-<name>`, or `f-<scope>-<name>` when two forms on one page have a field of
 * the same name (ids are unique per page; the error summary links to the same id).
 */
export const fieldId = (name: string, scope?: string) =>
  `f-${scope ? `${scope}-` : ''}${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

export function CsrfField() {
  const c = useRequestContext<AppEnv>();
  return <input type="hidden" name={CSRF_FIELD} value={csrfToken(c)} />;
}

/** `scopes`: the scope of each field that has one on its page (see fieldId), so each link finds its field. */
export function ErrorSummary({
  errors,
  scopes = {},
}: {
  errors: FormErrors;
  scopes?: Record<string, string>;
}) {
  const c = useRequestContext<AppEnv>();
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (entries.length === 0) return null;
  return (
    <div
      class="error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabindex={-1}
      data-error-summary
    >
      <h2 id="error-summary-title" class="error-summary__title">
        {c.var.t.errors.summaryTitle}
      </h2>
      <ul class="error-summary__list">
        {entries.map(([name, message]) => (
          <li>
            <a href={`#${fieldId(name, scopes[name])}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldBase {
  name: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  required?: boolean;
  /** Shown next to the label: 必須 / 任意. */
  badge?: 'required' | 'optional';
  /** Set when another form on the page has a field of the same name (see fieldId). */
  scope?: string;
}

function Label({ name, label, badge, scope }: Pick<FieldBase, 'name' | 'label' | 'badge' | 'scope'>) {
  const c = useRequestContext<AppEnv>();
  return (
    <label class="field__label" for={fieldId(name, scope)}>
      {label}
      {badge ? (
        <Badge kind={badge} text={badge === 'required' ? c.var.t.common.required : c.var.t.common.optional} />
      ) : null}
    </label>
  );
}

function Badge({ kind, text }: { kind: 'required' | 'optional'; text: string }) {
  return <span class={`badge badge--${kind}`}>{text}</span>;
}

function HintAndError({ name, hint, error, scope }: Pick<FieldBase, 'name' | 'hint' | 'error' | 'scope'>) {
  return (
    <>
      {hint ? (
        <p class="field__hint" id={`${fieldId(name, scope)}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="field__error" id={`${fieldId(name, scope)}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(name: string, hint?: string, error?: string, scope?: string): string | undefined {
  const id = fieldId(name, scope);
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldBase & {
    value?: string | undefined;
    type?: 'text' | 'email' | 'password' | 'tel' | 'date' | 'time' | 'number' | 'search';
    autocomplete?: string;
    inputmode?: 'numeric' | 'text' | 'email' | 'tel' | 'search';
    maxLength?: number;
    width?: 'short' | 'medium' | 'long';
    spellcheck?: boolean;
  },
) {
  const { name, label, hint, error, value, type = 'text', width = 'long' } = props;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <Label name={name} label={label} badge={props.badge} scope={props.scope} />
      <HintAndError name={name} hint={hint} error={error} scope={props.scope} />
      <input
        class={`input input--${width}`}
        id={fieldId(name, props.scope)}
        name={name}
        type={type}
        value={type === 'password' ? undefined : value}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxLength}
        required={props.required}
        spellcheck={props.spellcheck}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error, props.scope)}
      />
    </div>
  );
}

export function TextArea(
  props: FieldBase & { value?: string | undefined; rows?: number; maxLength?: number; autocomplete?: string },
) {
  const { name, label, hint, error, value, rows = 5 } = props;
  const c = useRequestContext<AppEnv>();
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <Label name={name} label={label} badge={props.badge} scope={props.scope} />
      <HintAndError name={name} hint={hint} error={error} scope={props.scope} />
      <textarea
        class="textarea"
        id={fieldId(name, props.scope)}
        name={name}
        rows={rows}
        required={props.required}
        autocomplete={props.autocomplete}
        data-maxchars={props.maxLength}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error, props.scope)}
      >
        {value ?? ''}
      </textarea>
      {props.maxLength ? (
        <char-count
          for={fieldId(name, props.scope)}
          class="char-count"
          data-max={String(props.maxLength)}
          data-template={c.var.t.common.charsLeft}
          data-over={c.var.t.common.charsOver}
          hidden
        />
      ) : null}
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

/** Choices from a list of codes, labelled in the visitor's language (t.codes[group]). */
export function codeOptions<K extends keyof Messages['codes']>(
  t: Messages,
  group: K,
  codes: readonly string[],
): Option[] {
  const labels = t.codes[group] as Record<string, string>;
  return codes.map((code) => ({ value: code, label: labels[code] ?? code }));
}

export function Select(
  props: FieldBase & { value?: string | undefined; options: Option[]; placeholder?: string },
) {
  const { name, label, hint, error, value, options } = props;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <Label name={name} label={label} badge={props.badge} scope={props.scope} />
      <HintAndError name={name} hint={hint} error={error} scope={props.scope} />
      <select
        class="select"
        id={fieldId(name, props.scope)}
        name={name}
        required={props.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(name, hint, error, props.scope)}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {options.map((o) => (
          <option value={o.value} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of radios or checkboxes in a fieldset with a legend. The first input carries the field id. */
export function ChoiceGroup(
  props: FieldBase & {
    type: 'radio' | 'checkbox';
    options: Option[];
    value?: string | string[] | undefined;
    inline?: boolean;
  },
) {
  const { name, label, hint, error, options, type } = props;
  const selected = new Set(Array.isArray(props.value) ? props.value : props.value ? [props.value] : []);
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, hint, error, props.scope)}>
        <legend class="field__label">
          {label}
          {props.badge ? <LegendBadge kind={props.badge} /> : null}
        </legend>
        <HintAndError name={name} hint={hint} error={error} scope={props.scope} />
        <div class={`choices${props.inline ? ' choices--inline' : ''}`}>
          {options.map((o, i) => {
            const id = i === 0 ? fieldId(name, props.scope) : `${fieldId(name, props.scope)}-${i}`;
            return (
              <div class="choice">
                <input
                  type={type}
                  id={id}
                  name={name}
                  value={o.value}
                  checked={selected.has(o.value)}
                  aria-invalid={error ? 'true' : undefined}
                />
                <label for={id}>{o.label}</label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

function LegendBadge({ kind }: { kind: 'required' | 'optional' }) {
  const c = useRequestContext<AppEnv>();
  return <Badge kind={kind} text={kind === 'required' ? c.var.t.common.required : c.var.t.common.optional} />;
}

/** A single checkbox, e.g. a consent sentence such as 「同意します」. */
export function Checkbox(props: FieldBase & { checked?: boolean; value?: string; children?: Child }) {
  const { name, label, hint, error } = props;
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <HintAndError name={name} hint={hint} error={error} scope={props.scope} />
      <div class="choice">
        <input
          type="checkbox"
          id={fieldId(name, props.scope)}
          name={name}
          value={props.value ?? 'yes'}
          checked={props.checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(name, hint, error, props.scope)}
        />
        <label for={fieldId(name, props.scope)}>{label}</label>
      </div>
    </div>
  );
}

export function Button({
  children,
  variant = 'primary',
  name,
  value,
  type = 'submit',
}: {
  children?: Child;
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  name?: string;
  value?: string;
  type?: 'submit' | 'button';
}) {
  return (
    <button
      type={type}
      class={`button button--${variant}`}
      name={name}
      value={value}
      data-once={type === 'submit' ? '' : undefined}
    >
      {children}
    </button>
  );
}

export function ButtonLink({
  href,
  children,
  variant = 'secondary',
}: {
  href: string;
  children?: Child;
  variant?: 'primary' | 'secondary';
}) {
  return (
    <a class={`button button--${variant}`} href={href}>
      {children}
    </a>
  );
}

/** Up to `count` choices from a long list (e.g. 都道府県): one select per choice, in a fieldset. */
export function MultiSelect(
  props: FieldBase & {
    options: Option[];
    value?: string[] | undefined;
    count: number;
    itemLabel: (n: number) => string;
  },
) {
  const { name, label, hint, error, options, count } = props;
  const c = useRequestContext<AppEnv>();
  const values = props.value ?? [];
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <fieldset class="fieldset" aria-describedby={describedBy(name, hint, error, props.scope)}>
        <legend class="field__label">{label}</legend>
        <HintAndError name={name} hint={hint} error={error} scope={props.scope} />
        <div class="choices choices--inline">
          {Array.from({ length: count }, (_, i) => {
            const id = i === 0 ? fieldId(name, props.scope) : `${fieldId(name, props.scope)}-${i + 1}`;
            return (
              <div>
                <label class="field__hint" for={id}>
                  {props.itemLabel(i + 1)}
                </label>
                <select class="select" id={id} name={name} aria-invalid={error ? 'true' : undefined}>
                  <option value="">{c.var.t.common.notChosen}</option>
                  {options.map((o) => (
                    <option value={o.value} selected={values[i] === o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

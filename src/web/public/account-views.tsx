/** Pieces shared by the account journeys: the terms to agree to, and the password (and key) fields. */
import { useRequestContext } from 'hono/jsx-renderer';
import type { z } from 'zod';
import { secret } from '../../platform/fields.ts';
import { type FormErrors, TextField } from '../components/form.tsx';
import type { AppEnv } from '../env.ts';

export function Terms() {
  const { t } = useRequestContext<AppEnv>().var;
  const terms = t.accounts.terms;
  return (
    <div class="grid-2">
      <section class="panel" aria-labelledby="privacy-title">
        <h3 id="privacy-title">{terms.privacyTitle}</h3>
        <ol>
          {terms.privacy.map((p) => (
            <li>{p}</li>
          ))}
        </ol>
      </section>
      <section class="panel" aria-labelledby="terms-title">
        <h3 id="terms-title">{terms.termsTitle}</h3>
        <ol>
          {terms.terms.map((p) => (
            <li>{p}</li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Step ④ of the journeys with a mailed key: the new password twice, then the 認証キー. */
export function PasswordAndKeyFields({ errors, keyHint }: { errors: FormErrors; keyHint?: string }) {
  const { t } = useRequestContext<AppEnv>().var;
  return (
    <>
      <PasswordFields errors={errors} autocomplete="new-password" />
      <TextField
        name="code"
        label={t.accounts.fields.authKey}
        hint={keyHint}
        inputmode="numeric"
        autocomplete="one-time-code"
        width="short"
        error={errors.code}
        badge="required"
      />
    </>
  );
}

/** パスワード and パスワード（確認用）; the rule is shown as the hint (MP-4). */
export function PasswordFields({
  errors,
  autocomplete,
  name = 'password',
}: {
  errors: FormErrors;
  autocomplete: string;
  name?: string;
}) {
  const c = useRequestContext<AppEnv>();
  const a = c.var.t.accounts;
  const hint = c.var.deps.passwords.policy === 'seed' ? a.hints.password : a.hints.passwordNist;
  return (
    <>
      <TextField
        name={name}
        label={name === 'password' ? a.fields.password : a.fields.newPassword}
        hint={hint}
        type="password"
        autocomplete={autocomplete}
        error={errors[name]}
        badge="required"
      />
      <TextField
        name="passwordConfirm"
        label={a.fields.passwordConfirm}
        type="password"
        autocomplete={autocomplete}
        error={errors.passwordConfirm}
        badge="required"
      />
    </>
  );
}

/** Password and its confirmation; the policy itself is checked by the use case (it needs the e-mail). */
export const passwordShape = {
  password: secret({ max: 200 }),
  passwordConfirm: secret({ max: 200 }),
};

/** Adds the "two passwords must match" check to a schema with passwordShape. */
export function withPasswordConfirm<S extends z.ZodType<{ password: string; passwordConfirm: string }>>(
  schema: S,
) {
  return schema.superRefine((v, ctx) => {
    if (v.password && v.passwordConfirm && v.password !== v.passwordConfirm) {
      ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'passwordMismatch' });
    }
  });
}

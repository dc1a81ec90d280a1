/**
 * The apply form (SPEC AP-1..AP-4, AP-6..AP-8, OR-4; ADR 0021), one for both ways in:
 *
 *   /mypage/referrals/:id/apply   応募（ハローワーク紹介） on a live referral target
 *   /mypage/jobs/:number/apply    オンライン自主応募 on a job that takes it
 *
 * GET shows the form (a draft key keeps it across steps); POST (multipart, streamed: src/app.ts
 * UPLOAD_PATHS) checks the files as they arrive and keeps the text and the files that passed as
 * the draft, then 「次へ進む」 leads to the confirmation page, whose 「応募」 posts `/submit`. The
 * target is checked on the server at every step, so an expired or withdrawn one is refused even
 * when its address is typed by hand.
 */
import { randomUUID } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/vocabulary.ts';
import { draftProblem, MOTIVATION_MAX, REMARKS_MAX } from '../../modules/applications/application.rules.ts';
import type { ApplicationDocument } from '../../modules/applications/applications.repository.ts';
import {
  type DraftState,
  MAX_DOCUMENTS,
  openTarget,
  readDraft,
  saveDraft,
  submitApplication,
  type Target,
  type TargetRef,
} from '../../modules/applications/apply.ts';
import { JOB_NUMBER, normalizeJobNumber } from '../../modules/jobs/job.schemas.ts';
import { toJobCardView } from '../../modules/jobs/job-view.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { text } from '../../platform/fields.ts';
import { isUuid } from '../../platform/text.ts';
import { seekerOf } from '../auth/guards.ts';
import {
  Button,
  ButtonLink,
  Checkbox,
  CsrfField,
  ErrorSummary,
  type FormErrors,
  fieldId,
  Select,
  TextArea,
} from '../components/form.tsx';
import { JobCard } from '../components/job-card.tsx';
import { Notice } from '../components/notice.tsx';
import { SummaryList } from '../components/summary-list.tsx';
import type { AppEnv } from '../env.ts';
import { readForm, validate } from '../forms.ts';
import { page } from '../render.tsx';
import { type ApplyPost, applyFields, documentField, kindField, readApplyUpload } from './apply-upload.ts';

/** The upload routes, for src/app.ts: their multipart bodies stream to the upload parser. */
export const APPLY_UPLOAD_PATHS: readonly RegExp[] = [
  /^\/mypage\/referrals\/[^/]+\/apply$/,
  /^\/mypage\/jobs\/[^/]+\/apply$/,
];

/** 「次へ進む」 needs 志望動機; 「アップロード」 and 「削除」 keep whatever was typed so far. */
const textSchema = (next: boolean) =>
  z.object({
    motivation: text({ max: MOTIVATION_MAX, optional: !next, multiline: true }),
    remarks: text({ max: REMARKS_MAX, optional: true, multiline: true }),
  });

interface FormState {
  key: string;
  motivation: string;
  remarks: string;
  consented: boolean;
  documents: ApplicationDocument[];
  /** Kinds chosen in rows whose file was refused, so the choice is kept. */
  rowKinds?: Record<number, string>;
  errors: FormErrors;
}

function refOf(c: Context<AppEnv>): TargetRef {
  const id = c.req.param('id');
  if (id !== undefined) {
    if (!isUuid(id)) throw notFound('referral param');
    return { route: 'referral', referralId: id };
  }
  const number = normalizeJobNumber(c.req.param('number') ?? '');
  if (!JOB_NUMBER.test(number)) throw notFound('job number');
  return { route: 'direct', jobNumber: number };
}

function basePath(ref: TargetRef): string {
  return ref.route === 'referral'
    ? `/mypage/referrals/${ref.referralId}/apply`
    : `/mypage/jobs/${ref.jobNumber}/apply`;
}

/** Where 「キャンセル」 goes back to: the target's detail. */
function cancelPath(ref: TargetRef): string {
  return ref.route === 'referral' ? `/mypage/referrals/${ref.referralId}` : `/jobs/${ref.jobNumber}`;
}

async function loadTarget(c: Context<AppEnv>): Promise<Target> {
  const target = await openTarget(c.var.deps, c.var.deps.db, seekerOf(c).id, refOf(c));
  if (!target) throw notFound('apply target');
  return target;
}

function draftKeyOf(raw: string | undefined): string | undefined {
  return raw && isUuid(raw) ? raw : undefined;
}

function titleOf(c: Context<AppEnv>, target: Target, step: 'form' | 'confirm'): string {
  const a = c.var.t.applying;
  const referral = target.ref.route === 'referral';
  if (step === 'confirm') return referral ? a.confirm.titleReferral : a.confirm.titleDirect;
  return referral ? a.form.titleReferral : a.form.titleDirect;
}

function crumbs(c: Context<AppEnv>, title: string) {
  return [{ label: c.var.t.nav.home, href: '/mypage' }, { label: title }];
}

/** The job being applied to, as its card, with the 応募期限日 of a referral target. */
function TargetCard({ target }: { target: Target }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const today = tokyoDate(c.var.deps.clock.now());
  const { job, employer } = target.record;
  const view = toJobCardView(job, employer.name, today, target.ref.route === 'referral' ? 'staff' : 'public');
  const extra: [string, string][] = target.applyBy
    ? [[t.referrals.seeker.applyBy, t.common.date(target.applyBy)]]
    : [];
  return <JobCard job={view} extraRows={extra} />;
}

function RefusalPage({ target }: { target: Target }) {
  const { t } = useRequestContext<AppEnv>().var;
  const a = t.applying;
  return (
    <>
      <h1>{a.refusalTitle}</h1>
      <Notice kind="warning" title={a.refusalTitle}>
        <p id="apply-refusal">{target.refusal ? a.refusal[target.refusal] : ''}</p>
      </Notice>
      <TargetCard target={target} />
      <p>
        <a href="/mypage">{t.referrals.seeker.backHome}</a>
      </p>
    </>
  );
}

function refused(c: Context<AppEnv>, target: Target) {
  const title = c.var.t.applying.refusalTitle;
  return page(
    c,
    { title, portal: 'seeker', breadcrumbs: crumbs(c, title) },
    <RefusalPage target={target} />,
    409,
  );
}

function KeptDocuments({ documents }: { documents: ApplicationDocument[] }) {
  const { t } = useRequestContext<AppEnv>().var;
  const a = t.applying;
  if (documents.length === 0) return <p id="kept-none">{a.form.noKeptFiles}</p>;
  return (
    <ul class="kept-files" id="kept-files">
      {documents.map((d) => (
        <li>
          <span class="kept-files__kind">{a.kind[d.kind]}</span>{' '}
          <span class="kept-files__name">{d.originalName}</span>{' '}
          <span class="muted">({a.detail.fileSize(d.size)})</span>{' '}
          <Button variant="secondary" name="remove" value={d.id}>
            {a.form.remove}
            <span class="visually-hidden">: {d.originalName}</span>
          </Button>
        </li>
      ))}
    </ul>
  );
}

function UploadRows({ state }: { state: FormState }) {
  const { t } = useRequestContext<AppEnv>().var;
  const a = t.applying.form;
  const room = MAX_DOCUMENTS - state.documents.length;
  if (room <= 0) return <p id="upload-full">{a.full}</p>;
  const kindOptions = DOCUMENT_KINDS.map((k) => ({ value: k, label: t.applying.kind[k] }));
  return (
    <>
      <p class="muted">{a.roomLeft(room)}</p>
      {/* Without JavaScript every free row is shown; <upload-rows> shows one and 「ファイルの追加」. */}
      <upload-rows data-add={a.addRow} data-remove={a.removeRow}>
        {Array.from({ length: room }, (_, i) => {
          const n = i + 1;
          const file = documentField(n);
          const fileError = state.errors[file];
          return (
            <fieldset class="fieldset upload-row" data-upload-row={String(n)}>
              <legend class="field__label">{a.fileRow(state.documents.length + n)}</legend>
              <Select
                name={kindField(n)}
                label={a.kind}
                placeholder={a.kindPlaceholder}
                options={kindOptions}
                value={state.rowKinds?.[n]}
                error={state.errors[kindField(n)]}
              />
              <div class={`field${fileError ? ' field--error' : ''}`}>
                <label class="field__label" for={fieldId(file)}>
                  {a.file}
                </label>
                {fileError ? (
                  <p class="field__error" id={`${fieldId(file)}-error`}>
                    {fileError}
                  </p>
                ) : null}
                <input
                  type="file"
                  id={fieldId(file)}
                  name={file}
                  accept=".doc,.docx,.xls,.xlsx,.pdf,.jpg,.jpeg,.png,.bmp,.gif"
                  aria-invalid={fileError ? 'true' : undefined}
                  aria-describedby={fileError ? `${fieldId(file)}-error` : undefined}
                />
              </div>
            </fieldset>
          );
        })}
      </upload-rows>
      <Button variant="secondary" name="action" value="upload">
        {a.upload}
      </Button>
    </>
  );
}

function ApplyForm({ target, state }: { target: Target; state: FormState }) {
  const c = useRequestContext<AppEnv>();
  const a = c.var.t.applying;
  const action = basePath(target.ref);
  return (
    <>
      <h1>{titleOf(c, target, 'form')}</h1>
      <ErrorSummary errors={state.errors} />
      <section aria-labelledby="apply-target">
        <h2 id="apply-target">{a.form.target}</h2>
        <TargetCard target={target} />
      </section>
      <p>{a.form.lead}</p>
      <form
        method="post"
        action={action}
        enctype={target.takesDocuments ? 'multipart/form-data' : undefined}
        novalidate
        id="apply-form"
      >
        {/* The CSRF token is the first part: the check reads it before the files stream in. */}
        <CsrfField />
        <input type="hidden" name="draft" value={state.key} />
        <TextArea
          name="motivation"
          label={`①${a.form.motivation}`}
          badge="required"
          hint={a.form.motivationHint}
          value={state.motivation}
          error={state.errors.motivation}
          maxLength={MOTIVATION_MAX}
          rows={8}
        />
        <TextArea
          name="remarks"
          label={`②${a.form.remarks}`}
          badge="optional"
          hint={a.form.remarksHint}
          value={state.remarks}
          error={state.errors.remarks}
          maxLength={REMARKS_MAX}
          rows={5}
        />
        <section
          aria-labelledby="apply-documents"
          class="apply-documents"
          id={fieldId('documents')}
          tabindex={-1}
        >
          <h2 id="apply-documents">③{a.form.documents}</h2>
          {state.errors.documents ? (
            <p class="field__error" id="documents-error">
              {state.errors.documents}
            </p>
          ) : null}
          {target.takesDocuments ? (
            <>
              <p>{a.form.documentsLead}</p>
              <ul class="notes" id="document-notes">
                {a.form.documentNotes.map((n) => (
                  <li>{n}</li>
                ))}
              </ul>
              <h3>{a.form.keptFiles}</h3>
              <KeptDocuments documents={state.documents} />
              <UploadRows state={state} />
            </>
          ) : (
            <Notice kind="info">
              <p id="no-mypage-documents">{a.form.noMypageDocuments}</p>
            </Notice>
          )}
        </section>
        <Checkbox
          name="consent"
          label={`④${a.form.consent}`}
          checked={state.consented}
          error={state.errors.consent}
        />
        <div class="actions">
          <ButtonLink href={cancelPath(target.ref)}>{a.form.cancel}</ButtonLink>
          <Button name="action" value="next">
            {a.form.next}
          </Button>
        </div>
      </form>
    </>
  );
}

function renderForm(c: Context<AppEnv>, target: Target, state: FormState, status: 200 | 400 = 200) {
  const title = titleOf(c, target, 'form');
  return page(
    c,
    { title, portal: 'seeker', breadcrumbs: crumbs(c, title) },
    <ApplyForm target={target} state={state} />,
    status,
  );
}

function stateOf(key: string, draft: DraftState): FormState {
  return {
    key,
    motivation: draft.draft?.motivation ?? '',
    remarks: draft.draft?.remarks ?? '',
    consented: draft.draft?.consented ?? false,
    documents: draft.documents,
    errors: {},
  };
}

/** The draft of this form, or nothing when the key is another job's (a fresh form then). */
async function draftFor(c: Context<AppEnv>, target: Target, key: string): Promise<DraftState> {
  const state = await readDraft(c.var.deps, target.seeker.id, key);
  if (state.draft && state.draft.jobId !== target.record.job.id) return { draft: undefined, documents: [] };
  return state;
}

function ConfirmPage({ target, state }: { target: Target; state: DraftState & { key: string } }) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const a = t.applying;
  const base = basePath(target.ref);
  const d = state.draft!;
  return (
    <>
      <h1>{titleOf(c, target, 'confirm')}</h1>
      <p>{a.confirm.lead}</p>
      {target.ref.route === 'referral' ? <p>{a.confirm.referralNote}</p> : null}
      <section aria-labelledby="confirm-target">
        <h2 id="confirm-target">{a.form.target}</h2>
        <TargetCard target={target} />
      </section>
      <section aria-labelledby="confirm-content">
        <h2 id="confirm-content">{a.detail.title}</h2>
        <SummaryList
          id="confirm-summary"
          rows={[
            [a.detail.motivation, <p class="prewrap">{d.motivation}</p>],
            [a.detail.remarks, d.remarks ? <p class="prewrap">{d.remarks}</p> : ''],
            [
              a.detail.documents,
              !target.takesDocuments ? (
                a.detail.documentsElsewhere
              ) : state.documents.length === 0 ? (
                a.confirm.noDocuments
              ) : (
                <ul>
                  {state.documents.map((doc) => (
                    <li>
                      {a.kind[doc.kind]}：{doc.originalName}（{a.detail.fileSize(doc.size)}）
                    </li>
                  ))}
                </ul>
              ),
            ],
          ]}
        />
      </section>
      <form method="post" action={`${base}/submit`} id="confirm-form">
        <CsrfField />
        <input type="hidden" name="draft" value={state.key} />
        <div class="actions">
          <ButtonLink href={`${base}?draft=${state.key}`}>{a.confirm.back}</ButtonLink>
          <Button>{a.confirm.submit}</Button>
        </div>
      </form>
    </>
  );
}

/** What a POST of the form sent: fields and file rows, from a streamed multipart body or a plain form. */
async function readPost(c: Context<AppEnv>, target: Target): Promise<ApplyPost> {
  if (c.var.streamedBody) return readApplyUpload(c, { acceptFiles: target.takesDocuments });
  return { fields: applyFields(await readForm(c)), rows: [] };
}

const isKind = (v: string): v is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(v);

/** Mounted under /mypage (behind requireRole('seeker')). */
export function seekerApplyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  for (const path of ['/referrals/:id/apply', '/jobs/:number/apply']) {
    app.get(path, async (c) => {
      const target = await loadTarget(c);
      if (target.refusal) return refused(c, target);
      const key = draftKeyOf(c.req.query('draft')) ?? randomUUID();
      return renderForm(c, target, stateOf(key, await draftFor(c, target, key)));
    });

    app.post(path, async (c) => {
      const target = await loadTarget(c);
      const { t } = c.var;
      const a = t.applying;
      // Refused before the body is read, so no file of a closed target is ever stored.
      if (target.refusal) return refused(c, target);
      const post = await readPost(c, target);
      const key = draftKeyOf(post.fields.draft) ?? randomUUID();
      const errors: FormErrors = {};
      const next = post.fields.action === 'next';
      const checked = validate(
        textSchema(next),
        { motivation: post.fields.motivation, remarks: post.fields.remarks },
        { motivation: a.detail.motivation, remarks: a.detail.remarks },
        t,
      );
      if (!checked.ok) Object.assign(errors, checked.errors);
      const consented = post.fields.consent === 'yes';
      if (next && !consented) errors.consent = a.errors.consent;

      // Files that passed their checks are kept with the draft even when a field is refused (G-1).
      const rowKinds: Record<number, string> = { ...post.fields.kinds };
      const uploads = [];
      for (const row of post.rows) {
        if (row.problem) {
          errors[row.field ?? documentField(row.row)] ??= row.problem;
          continue;
        }
        if (row.stored && row.kind && isKind(row.kind)) uploads.push({ ...row.stored, kind: row.kind });
      }
      if (post.formProblem) errors.documents = post.formProblem;
      const motivation = checked.ok ? checked.data.motivation : post.fields.motivation;
      const remarks = checked.ok ? checked.data.remarks : post.fields.remarks;
      const saved = await saveDraft(c.var.deps, target, {
        key,
        motivation,
        remarks,
        consented,
        uploads,
        removeIds: post.fields.remove.filter(isUuid),
      });
      if (saved.dropped.length > 0) errors.documents ??= t.applying.form.full;
      const hasErrors = Object.values(errors).some(Boolean);
      if (next && !hasErrors) return c.redirect(`${basePath(target.ref)}/confirm?draft=${key}`, 303);
      const state = { ...stateOf(key, saved), motivation, remarks, consented, rowKinds, errors };
      return renderForm(c, target, state, hasErrors ? 400 : 200);
    });

    app.get(`${path}/confirm`, async (c) => {
      const target = await loadTarget(c);
      if (target.refusal) return refused(c, target);
      const key = draftKeyOf(c.req.query('draft'));
      const state = key ? await draftFor(c, target, key) : undefined;
      if (!key || !state?.draft) return c.redirect(basePath(target.ref), 303);
      if (draftProblem(state.draft)) return c.redirect(`${basePath(target.ref)}?draft=${key}`, 303);
      const title = titleOf(c, target, 'confirm');
      return page(
        c,
        { title, portal: 'seeker', breadcrumbs: crumbs(c, title) },
        <ConfirmPage target={target} state={{ ...state, key }} />,
      );
    });

    app.post(`${path}/submit`, async (c) => {
      const ref = refOf(c);
      const values = await readForm(c);
      const key = draftKeyOf(typeof values.draft === 'string' ? values.draft : undefined);
      if (!key) return c.redirect(basePath(ref), 303);
      const outcome = await submitApplication(c.var.deps, seekerOf(c).id, ref, key);
      if (outcome.ok) return c.redirect(`/mypage/applications/${outcome.application.id}?applied=1`, 303);
      const target = await loadTarget(c);
      if (outcome.refusal === 'no_draft') return c.redirect(basePath(ref), 303);
      return refused(c, { ...target, refusal: outcome.refusal });
    });
  }
  return app;
}

/**
 * The 求人票 form (SPEC EM-4, ST-3), shared by the employer and staff pages. Grouped in fieldsets
 * like the paper form; up to 3 就業時間 patterns and 3 手当 rows; every number accepts full-width
 * digits. Values are what the user typed, so nothing is lost when the form comes back with errors.
 */
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import type { Messages } from '../../i18n/index.ts';
import { PREFECTURES } from '../../modules/geo/geo.data.ts';
import {
  type JobContent,
  jobDraftSchema,
  jobSchema,
  MAX_ALLOWANCES,
  MAX_HOURS_PATTERNS,
  parseDraft,
  toJobContent,
} from '../../modules/jobs/job.schemas.ts';
import {
  APPLICATION_DOCUMENTS,
  DOCUMENT_METHODS,
  EMPLOYMENT_TYPES,
  FEATURE_TAGS,
  INDUSTRY_CODES,
  INSURANCES,
  JOB_CATEGORIES,
  OCCUPATION_GROUPS,
  PUBLICATION_SCOPES,
  SELECTION_METHODS,
  WAGE_TYPES,
  WEEKLY_TWO_DAYS_OFF,
  WORK_STYLES,
} from '../../modules/jobs/job.types.ts';
import type { AppEnv } from '../env.ts';
import { one, validate } from '../forms.ts';
import {
  Button,
  ChoiceGroup,
  CsrfField,
  codeOptions,
  ErrorSummary,
  type FormErrors,
  type FormValues,
  type Option,
  Select,
  TextArea,
  TextField,
} from './form.tsx';

/** Labels by form field name, for the form and for validation messages. */
export function jobFieldLabels(t: Messages): Record<string, string> {
  const f = t.jobs.fields;
  const labels: Record<string, string> = {
    title: f.title,
    category: f.category,
    workStyle: f.workStyle,
    occupationCode: f.occupationCode,
    industryCode: f.industryCode,
    employmentType: f.employmentType,
    periodFixed: f.periodFixed,
    periodMonths: f.periodMonths,
    periodRenewal: f.periodRenewal,
    description: f.description,
    prefectureCode: f.prefectureCode,
    city: f.city,
    workplaceAddress: f.workplaceAddress,
    nearestStation: f.nearestStation,
    stationWalkMinutes: f.stationWalkMinutes,
    ageMin: f.ageMin,
    ageMax: f.ageMax,
    ageLimitReason: f.ageLimitReason,
    education: f.education,
    experience: f.experience,
    license: f.license,
    trialPeriod: f.trialPeriod,
    wageType: f.wageType,
    basePayMin: f.basePayMin,
    basePayMax: f.basePayMax,
    fixedOvertimeAmount: f.fixedOvertimeAmount,
    fixedOvertimeHours: f.fixedOvertimeHours,
    wageMin: f.wageMin,
    wageMax: f.wageMax,
    commuteAllowance: f.commuteAllowance,
    hasBonus: f.hasBonus,
    bonusDetail: f.bonusDetail,
    workHoursNote: f.workHoursNote,
    hasOvertime: f.hasOvertime,
    overtimeMonthlyHours: f.overtimeMonthlyHours,
    breakMinutes: f.breakMinutes,
    annualHolidays: f.annualHolidays,
    holidays: f.holidays,
    weeklyTwoDaysOff: f.weeklyTwoDaysOff,
    insurances: f.insurances,
    retirementAge: f.retirementAge,
    openings: f.openings,
    selectionMethods: f.selectionMethods,
    resultNoticeDays: f.resultNoticeDays,
    applicationDocuments: f.applicationDocuments,
    documentMethods: f.documentMethods,
    acceptsOnlineApplication: f.acceptsOnlineApplication,
    publicationScope: f.publicationScope,
    features: f.features,
    specialNotes: f.specialNotes,
    establishmentNumber: f.establishmentNumber,
    referralDeadline: f.referralDeadline,
    reason: t.jobs.staff.reason,
  };
  for (let n = 1; n <= MAX_ALLOWANCES; n++) {
    labels[`allowanceName${n}`] = f.allowanceName(n);
    labels[`allowanceAmount${n}`] = f.allowanceAmount(n);
  }
  for (let n = 1; n <= MAX_HOURS_PATTERNS; n++) {
    labels[`hoursStart${n}`] = f.hoursStart(n);
    labels[`hoursEnd${n}`] = f.hoursEnd(n);
  }
  return labels;
}

export type JobIntent = 'draft' | 'submit';

export function intentOf(values: FormValues): JobIntent {
  return one(values, 'intent') === 'draft' ? 'draft' : 'submit';
}

export type JobFormResult =
  /** `errors` is non-empty only for a draft saved without the fields listed there. */
  { ok: true; content: JobContent; errors: FormErrors } | { ok: false; errors: FormErrors };

/**
 * Reads the 求人票 form. 「一時保存」 keeps every field that parses and explains the others;
 * 「受理を申し込む」/「登録する」/「変更を保存する」 require the whole form to pass.
 */
export function readJobForm(t: Messages, values: FormValues, intent: JobIntent): JobFormResult {
  const labels = jobFieldLabels(t);
  if (intent === 'draft') {
    const draft = parseDraft(values);
    const checked = validate(jobDraftSchema, values, labels, t);
    return { ok: true, content: toJobContent(draft.data), errors: checked.ok ? {} : checked.errors };
  }
  const v = validate(jobSchema, values, labels, t);
  return v.ok ? { ok: true, content: toJobContent(v.data), errors: {} } : { ok: false, errors: v.errors };
}

function Group({ legend, children }: { legend: string; children?: Child }) {
  return (
    <fieldset class="fieldset form-group">
      <legend class="form-group__legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

/** The fields of EM-4 (also part of the full form). */
export function JobSettingsFields({ values, errors }: { values: FormValues; errors: FormErrors }) {
  const { t } = useRequestContext<AppEnv>().var;
  const f = t.jobs.fields;
  const many = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  return (
    <>
      <ChoiceGroup
        type="checkbox"
        name="documentMethods"
        label={f.documentMethods}
        options={codeOptions(t, 'documentMethod', DOCUMENT_METHODS)}
        value={many('documentMethods')}
        error={errors.documentMethods}
        badge="required"
      />
      <ChoiceGroup
        type="radio"
        name="acceptsOnlineApplication"
        label={f.acceptsOnlineApplication}
        options={[
          { value: 'yes', label: t.jobs.values.accepts },
          { value: 'no', label: t.jobs.values.refuses },
        ]}
        value={one(values, 'acceptsOnlineApplication')}
        error={errors.acceptsOnlineApplication}
        inline
        badge="required"
      />
      <ChoiceGroup
        type="radio"
        name="publicationScope"
        label={f.publicationScope}
        options={codeOptions(t, 'publicationScope', PUBLICATION_SCOPES)}
        value={one(values, 'publicationScope')}
        error={errors.publicationScope}
        badge="required"
      />
    </>
  );
}

export interface JobFormProps {
  values: FormValues;
  errors: FormErrors;
  action: string;
  /** 'employer': 一時保存 + 受理を申し込む; 'staff': 一時保存 + 登録する; 'open': one 変更を保存する. */
  buttons: 'employer' | 'staff' | 'open';
  /** Staff registering a job choose the employer by 事業所番号. */
  establishment?: boolean;
  /** Shown above the buttons (e.g. what 一時保存 does). */
  note?: string;
}

export function JobForm(props: JobFormProps) {
  const c = useRequestContext<AppEnv>();
  const { t } = c.var;
  const { values, errors } = props;
  const f = t.jobs.fields;
  const labels = jobFieldLabels(t);
  const h = t.jobs.hints;
  const g = t.jobs.form.groups;
  const yesNo: Option[] = [
    { value: 'yes', label: t.jobs.values.yes },
    { value: 'no', label: t.jobs.values.no },
  ];
  const many = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  const text = (
    name: string,
    extra: {
      required?: boolean;
      hint?: string;
      width?: 'short' | 'medium' | 'long';
      numeric?: boolean;
      label?: string;
      maxLength?: number;
    } = {},
  ) => (
    <TextField
      name={name}
      label={extra.label ?? labels[name] ?? name}
      value={one(values, name)}
      error={errors[name]}
      hint={extra.hint}
      width={extra.width ?? (extra.numeric ? 'short' : 'long')}
      inputmode={extra.numeric ? 'numeric' : undefined}
      maxLength={extra.maxLength}
      badge={extra.required ? 'required' : 'optional'}
    />
  );
  const radios = (name: string, opts: Option[], required = true) => (
    <ChoiceGroup
      type="radio"
      name={name}
      label={labels[name] ?? name}
      options={opts}
      value={one(values, name)}
      error={errors[name]}
      inline={opts.length <= 4}
      badge={required ? 'required' : 'optional'}
    />
  );
  const checks = (name: string, opts: Option[], required = false) => (
    <ChoiceGroup
      type="checkbox"
      name={name}
      label={labels[name] ?? name}
      options={opts}
      value={many(name)}
      error={errors[name]}
      badge={required ? 'required' : 'optional'}
    />
  );
  const select = (name: string, opts: Option[]) => (
    <Select
      name={name}
      label={labels[name] ?? name}
      options={opts}
      value={one(values, name)}
      error={errors[name]}
      placeholder={t.jobs.form.choose}
      badge="required"
    />
  );

  return (
    <>
      <ErrorSummary errors={errors} />
      <form method="post" action={props.action} class="form job-form" novalidate>
        <CsrfField />
        {values.formKey ? <input type="hidden" name="formKey" value={String(values.formKey)} /> : null}
        {props.establishment ? (
          <Group legend={g.employer}>
            {text('establishmentNumber', {
              required: true,
              hint: h.establishmentNumber,
              width: 'medium',
              label: f.establishmentNumber,
            })}
          </Group>
        ) : null}

        <Group legend={g.basics}>
          {radios('category', codeOptions(t, 'category', JOB_CATEGORIES))}
          {radios('workStyle', codeOptions(t, 'workStyle', WORK_STYLES))}
          {text('title', { required: true, hint: h.title, maxLength: 60 })}
          {select('occupationCode', codeOptions(t, 'occupation', OCCUPATION_GROUPS))}
          {select('industryCode', codeOptions(t, 'industry', INDUSTRY_CODES))}
          {radios('employmentType', codeOptions(t, 'employmentType', EMPLOYMENT_TYPES))}
          {radios('periodFixed', [
            { value: 'no', label: t.jobs.values.periodNone },
            { value: 'yes', label: t.jobs.values.periodFixed(null) },
          ])}
          {text('periodMonths', { numeric: true })}
          {text('periodRenewal')}
          <TextArea
            name="description"
            label={f.description}
            hint={h.description}
            value={one(values, 'description')}
            error={errors.description}
            rows={6}
            maxLength={1000}
            badge="required"
          />
        </Group>

        <Group legend={g.workplace}>
          {select(
            'prefectureCode',
            PREFECTURES.map((p) => ({ value: p.code, label: c.var.locale === 'en' ? p.nameEn : p.name })),
          )}
          {text('city', { required: true, width: 'medium' })}
          {text('workplaceAddress', { required: true })}
          {text('nearestStation', { width: 'medium' })}
          {text('stationWalkMinutes', { numeric: true })}
        </Group>

        <Group legend={g.requirements}>
          {text('ageMin', { numeric: true, hint: h.age })}
          {text('ageMax', { numeric: true })}
          <TextArea
            name="ageLimitReason"
            label={f.ageLimitReason}
            value={one(values, 'ageLimitReason')}
            error={errors.ageLimitReason}
            rows={2}
            badge="optional"
          />
          {text('education', { hint: h.notRequired, width: 'medium' })}
          {text('experience', { hint: h.notRequired })}
          {text('license', { hint: h.notRequired })}
          {text('trialPeriod')}
        </Group>

        <Group legend={g.wage}>
          {radios('wageType', codeOptions(t, 'wageType', WAGE_TYPES))}
          {text('basePayMin', { required: true, numeric: true, hint: h.yen })}
          {text('basePayMax', { required: true, numeric: true })}
          <fieldset class="fieldset">
            <legend class="field__label">{f.allowances}</legend>
            <p class="field__hint">{h.allowances}</p>
            {Array.from({ length: MAX_ALLOWANCES }, (_, i) => (
              <div class="grid-2">
                {text(`allowanceName${i + 1}`, { width: 'medium' })}
                {text(`allowanceAmount${i + 1}`, { numeric: true })}
              </div>
            ))}
          </fieldset>
          <fieldset class="fieldset">
            <legend class="field__label">{f.fixedOvertime}</legend>
            <div class="grid-2">
              {text('fixedOvertimeAmount', { numeric: true })}
              {text('fixedOvertimeHours', { numeric: true })}
            </div>
          </fieldset>
          {text('wageMin', { required: true, numeric: true, hint: h.yen })}
          {text('wageMax', { required: true, numeric: true })}
          {text('commuteAllowance')}
          {radios('hasBonus', yesNo)}
          {text('bonusDetail')}
        </Group>

        <Group legend={g.hours}>
          <p class="field__hint">{h.hoursMore}</p>
          {Array.from({ length: MAX_HOURS_PATTERNS }, (_, i) => (
            <fieldset class="fieldset">
              <legend class="field__label">{f.hoursPattern(i + 1)}</legend>
              <div class="grid-2">
                {text(`hoursStart${i + 1}`, {
                  required: i === 0,
                  hint: i === 0 ? h.time : undefined,
                  width: 'short',
                })}
                {text(`hoursEnd${i + 1}`, { required: i === 0, width: 'short' })}
              </div>
            </fieldset>
          ))}
          <TextArea
            name="workHoursNote"
            label={f.workHoursNote}
            value={one(values, 'workHoursNote')}
            error={errors.workHoursNote}
            rows={2}
            badge="optional"
          />
          {radios('hasOvertime', yesNo)}
          {text('overtimeMonthlyHours', { numeric: true })}
          {text('breakMinutes', { required: true, numeric: true })}
          {text('annualHolidays', { required: true, numeric: true })}
          {text('holidays', { required: true })}
          {radios('weeklyTwoDaysOff', codeOptions(t, 'weeklyTwoDaysOff', WEEKLY_TWO_DAYS_OFF))}
        </Group>

        <Group legend={g.conditions}>
          {checks('insurances', codeOptions(t, 'insurance', INSURANCES))}
          {text('retirementAge', { numeric: true, hint: h.retirementAge })}
        </Group>

        <Group legend={g.selection}>
          {text('openings', { required: true, numeric: true })}
          {checks('selectionMethods', codeOptions(t, 'selectionMethod', SELECTION_METHODS), true)}
          {text('resultNoticeDays', { required: true, numeric: true })}
          {checks('applicationDocuments', codeOptions(t, 'applicationDocument', APPLICATION_DOCUMENTS))}
          <JobSettingsFields values={values} errors={errors} />
        </Group>

        <Group legend={g.publication}>
          {checks('features', codeOptions(t, 'feature', FEATURE_TAGS))}
          <TextArea
            name="specialNotes"
            label={f.specialNotes}
            value={one(values, 'specialNotes')}
            error={errors.specialNotes}
            rows={4}
            maxLength={1000}
            badge="optional"
          />
        </Group>

        {props.note ? <p>{props.note}</p> : null}
        <div class="actions">
          {props.buttons === 'open' ? (
            <Button name="intent" value="save">
              {t.jobs.form.saveChanges}
            </Button>
          ) : (
            <>
              <Button name="intent" value="draft" variant="secondary">
                {t.jobs.form.saveDraft}
              </Button>
              <Button name="intent" value="submit">
                {props.buttons === 'staff' ? t.jobs.form.register : t.jobs.form.submit}
              </Button>
            </>
          )}
        </div>
      </form>
    </>
  );
}

/**
 * 求人検索 (SPEC SR-1): every condition as a bookmarkable GET URL, results as job cards (SR-6),
 * sort and page size, a capped hit count, and for seekers a form to save the conditions (SR-2).
 */
import { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { useRequestContext } from 'hono/jsx-renderer';
import { PREFECTURES } from '../../modules/geo/geo.data.ts';
import {
  EMPLOYMENT_TYPES,
  FEATURE_TAGS,
  INSURANCES,
  JOB_CATEGORIES,
  OCCUPATION_GROUPS,
  WORK_STYLES,
} from '../../modules/jobs/job.types.ts';
import { runSearch, type SearchResults } from '../../modules/search/run-search.ts';
import {
  conditionsQuery,
  MAX_RESULTS,
  PER_PAGE,
  searchSchema,
  searchValues,
} from '../../modules/search/search.schemas.ts';
import { EMPLOYEE_BANDS } from '../../modules/search/search-index.ts';
import { SAVED_SEARCH_NAME_MAX } from '../../modules/search/seeker-lists.rules.ts';
import {
  ChoiceGroup,
  CsrfField,
  codeOptions,
  ErrorSummary,
  type FormErrors,
  type FormValues,
  MultiSelect,
  TextField,
} from '../components/form.tsx';
import { JobCard } from '../components/job-card.tsx';
import type { AppEnv } from '../env.ts';
import { one, validate } from '../forms.ts';
import { publicRead } from '../public-read.ts';
import { page } from '../render.tsx';

type T = AppEnv['Variables']['t'];

export function searchLabels(t: T): Record<string, string> {
  const f = t.search.form;
  return {
    kw: f.kw,
    kwMode: f.kwMode,
    kwx: f.kwx,
    pref: f.pref,
    city: f.city,
    occ: f.occ,
    cat: f.cat,
    ws: f.ws,
    emp: f.emp,
    age: f.age,
    new: f.new,
    no: f.no,
    co: f.co,
    cox: f.cox,
    wage: f.wage,
    hwage: f.hwage,
    hfrom: f.hfrom,
    hto: f.hto,
    hol: f.hol,
    ins: f.ins,
    size: f.size,
    f: f.features,
    sort: t.search.sort,
    per: t.search.per,
    page: t.search.pagination,
  };
}

const many = (values: FormValues, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};

/** One checkbox that sends `name=1`. */
function Flag({ name, label, values }: { name: string; label: string; values: FormValues }) {
  return (
    <div class="choice">
      <input type="checkbox" id={`f-${name}`} name={name} value="1" checked={one(values, name) === '1'} />
      <label for={`f-${name}`}>{label}</label>
    </div>
  );
}

function SearchForm({ values, errors }: { values: FormValues; errors: FormErrors }) {
  const c = useRequestContext<AppEnv>();
  const { t, locale } = c.var;
  const f = t.search.form;
  const prefs = many(values, 'pref');
  const cities = many(values, 'city');
  const detailsSet = countSet(values, DETAIL_FIELDS);
  // Suggestions for the chosen prefectures only: all 1,700 of the nation would be half the page
  // (issue 13). With none chosen, app.js fills them in when one is (/jobs/municipalities).
  const municipalityOptions = municipalitiesOf(prefs);
  return (
    <search>
      <form method="get" action="/jobs" class="search-form" novalidate>
        <ErrorSummary errors={errors} />
        <fieldset class="fieldset panel">
          <legend class="field__label">{f.keywordLegend}</legend>
          <TextField
            name="kw"
            label={f.kw}
            hint={f.kwHint}
            type="search"
            // No maxlength on the keyword and 事業所名 boxes: browsers count UTF-16 units (ｶﾞ is 2), the server counts characters (charCount).
            value={one(values, 'kw')}
            error={errors.kw}
          />
          <ChoiceGroup
            type="radio"
            name="kwMode"
            label={f.kwMode}
            inline
            value={one(values, 'kwMode') || 'and'}
            options={[
              { value: 'and', label: f.kwAnd },
              { value: 'or', label: f.kwOr },
            ]}
            error={errors.kwMode}
          />
          <TextField name="kwx" label={f.kwx} value={one(values, 'kwx')} error={errors.kwx} width="medium" />
        </fieldset>

        <fieldset class="fieldset panel">
          <legend class="field__label">{f.placeLegend}</legend>
          <MultiSelect
            name="pref"
            label={f.pref}
            count={3}
            itemLabel={t.common.choiceNumber}
            options={PREFECTURES.map((p) => ({ value: p.code, label: locale === 'en' ? p.nameEn : p.name }))}
            value={prefs}
            error={errors.pref}
          />
          <div class={`field${errors.city ? ' field--error' : ''}`}>
            <fieldset class="fieldset">
              <legend class="field__label">{f.city}</legend>
              <p class="field__hint">{f.cityHint}</p>
              {errors.city ? (
                <p class="field__error" id="f-city-error">
                  {errors.city}
                </p>
              ) : null}
              <div class="choices choices--inline">
                {[0, 1, 2].map((i) => (
                  <div>
                    <label class="field__hint" for={i === 0 ? 'f-city' : `f-city-${i + 1}`}>
                      {f.cityItem(i + 1)}
                    </label>
                    <input
                      class="input input--short"
                      id={i === 0 ? 'f-city' : `f-city-${i + 1}`}
                      name="city"
                      list="municipalities"
                      value={cities[i] ?? ''}
                      autocomplete="off"
                    />
                  </div>
                ))}
              </div>
              <datalist id="municipalities" data-source="/jobs/municipalities">
                {municipalityOptions.map((m) => (
                  <option value={m} />
                ))}
              </datalist>
            </fieldset>
          </div>
        </fieldset>

        <fieldset class="fieldset panel">
          <legend class="field__label">{f.kindLegend}</legend>
          <ChoiceGroup
            type="checkbox"
            name="occ"
            label={f.occ}
            options={codeOptions(t, 'occupation', OCCUPATION_GROUPS)}
            value={many(values, 'occ')}
            error={errors.occ}
          />
          <ChoiceGroup
            type="checkbox"
            name="cat"
            label={f.cat}
            inline
            options={codeOptions(t, 'category', JOB_CATEGORIES)}
            value={many(values, 'cat')}
            error={errors.cat}
          />
          <ChoiceGroup
            type="checkbox"
            name="ws"
            label={f.ws}
            inline
            options={codeOptions(t, 'workStyle', WORK_STYLES)}
            value={many(values, 'ws')}
            error={errors.ws}
          />
          <ChoiceGroup
            type="checkbox"
            name="emp"
            label={f.emp}
            options={codeOptions(t, 'employmentType', EMPLOYMENT_TYPES)}
            value={many(values, 'emp')}
            error={errors.emp}
          />
        </fieldset>

        <details class="panel" open={detailsSet > 0 || Object.keys(errors).length > 0}>
          <summary class="field__label">
            {f.detailsLegend}
            {t.search.conditions.detailsCount(detailsSet)}
          </summary>
          <TextField
            name="age"
            label={f.age}
            hint={f.ageHint}
            inputmode="numeric"
            width="short"
            value={one(values, 'age')}
            error={errors.age}
          />
          <ChoiceGroup
            type="radio"
            name="new"
            label={f.new}
            inline
            value={one(values, 'new')}
            options={[
              { value: '', label: f.newAny },
              { value: '2', label: f.new2 },
              { value: '7', label: f.new7 },
            ]}
            error={errors.new}
          />
          <TextField name="no" label={f.no} hint={f.noHint} value={one(values, 'no')} error={errors.no} />
          <TextField name="co" label={f.co} value={one(values, 'co')} error={errors.co} width="medium" />
          <TextField name="cox" label={f.cox} value={one(values, 'cox')} error={errors.cox} width="medium" />
          <TextField
            name="wage"
            label={f.wage}
            hint={f.wageHint}
            inputmode="numeric"
            width="medium"
            value={one(values, 'wage')}
            error={errors.wage}
          />
          <TextField
            name="hwage"
            label={f.hwage}
            inputmode="numeric"
            width="short"
            value={one(values, 'hwage')}
            error={errors.hwage}
          />
          <div class="field">
            <Flag name="bonus" label={f.bonus} values={values} />
          </div>
          <fieldset class="fieldset field">
            <legend class="field__label">{f.hoursLegend}</legend>
            <p class="field__hint">{f.hoursHint}</p>
            <div class="choices choices--inline">
              <TextField
                name="hfrom"
                label={f.hfrom}
                width="short"
                value={one(values, 'hfrom')}
                error={errors.hfrom}
              />
              <TextField
                name="hto"
                label={f.hto}
                width="short"
                value={one(values, 'hto')}
                error={errors.hto}
              />
            </div>
          </fieldset>
          <div class="field">
            <Flag name="noot" label={f.noot} values={values} />
            <Flag name="w2" label={f.w2} values={values} />
          </div>
          <TextField
            name="hol"
            label={f.hol}
            inputmode="numeric"
            width="short"
            value={one(values, 'hol')}
            error={errors.hol}
          />
          <ChoiceGroup
            type="checkbox"
            name="ins"
            label={f.ins}
            inline
            options={codeOptions(t, 'insurance', INSURANCES)}
            value={many(values, 'ins')}
            error={errors.ins}
          />
          <ChoiceGroup
            type="checkbox"
            name="size"
            label={f.size}
            inline
            options={codeOptions(t, 'employeeBand', EMPLOYEE_BANDS)}
            value={many(values, 'size')}
            error={errors.size}
          />
          <fieldset class="fieldset field">
            <legend class="field__label">{f.noRequirement}</legend>
            <div class="choices choices--inline">
              <Flag name="noedu" label={f.noedu} values={values} />
              <Flag name="noexp" label={f.noexp} values={values} />
              <Flag name="nolic" label={f.nolic} values={values} />
            </div>
          </fieldset>
          <ChoiceGroup
            type="checkbox"
            name="f"
            label={f.features}
            inline
            options={codeOptions(t, 'feature', FEATURE_TAGS)}
            value={many(values, 'f')}
            error={errors.f}
          />
          <div class="field">
            <Flag name="online" label={f.online} values={values} />
          </div>
        </details>
        <input type="hidden" name="sort" value={one(values, 'sort')} />
        <input type="hidden" name="per" value={one(values, 'per')} />
        <div class="actions">
          <button type="submit" class="button">
            {f.submit}
          </button>
          <a href="/jobs">{f.reset}</a>
        </div>
      </form>
    </search>
  );
}

const DETAIL_FIELDS = [
  'age',
  'new',
  'no',
  'co',
  'cox',
  'wage',
  'hwage',
  'bonus',
  'hfrom',
  'hto',
  'noot',
  'w2',
  'hol',
  'ins',
  'size',
  'noedu',
  'noexp',
  'nolic',
  'f',
  'online',
];
/** Not conditions of their own: how the results are shown, and how several keywords combine. */
const DISPLAY_FIELDS = new Set(['sort', 'per', 'page', 'kwMode']);
/** How many of the fields (every condition by default) are set: each field counts once. */
function countSet(values: FormValues, fields?: readonly string[]): number {
  const names = fields ?? Object.keys(values).filter((k) => !DISPLAY_FIELDS.has(k));
  return names.filter((k) => many(values, k).some((v) => v !== '')).length;
}

/** A link to this search with some parameters changed (sort, page size, page). */
function withParams(values: FormValues, changes: Record<string, string>): string {
  const merged: FormValues = { ...values, ...changes };
  if (!('page' in changes)) delete merged.page;
  const query = conditionsQuery(merged);
  const page = changes.page && changes.page !== '1' ? `${query ? '&' : ''}page=${changes.page}` : '';
  return `/jobs?${query}${page}`;
}

function ResultControls({ values }: { values: FormValues }) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.search;
  const sort = one(values, 'sort') || 'new';
  const per = one(values, 'per') || '30';
  const sorts = [
    ['new', s.sortNew],
    ['deadline', s.sortDeadline],
    ['wage', s.sortWage],
  ] as const;
  return (
    <div class="result-controls">
      <nav aria-label={s.sort}>
        <span class="field__label">
          {s.sort}
          {t.common.colon}
        </span>
        <ul class="inline-list">
          {sorts.map(([key, label]) => (
            <li>
              {key === sort ? (
                <strong aria-current="true">{label}</strong>
              ) : (
                <a href={withParams(values, { sort: key })}>{label}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <nav aria-label={s.per}>
        <span class="field__label">
          {s.per}
          {t.common.colon}
        </span>
        <ul class="inline-list">
          {PER_PAGE.map((n) => (
            <li>
              {n === per ? (
                <strong aria-current="true">{s.perOption(n)}</strong>
              ) : (
                <a href={withParams(values, { per: n })}>{s.perOption(n)}</a>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}

function Pagination({ values, page: current, pages }: { values: FormValues; page: number; pages: number }) {
  const { t } = useRequestContext<AppEnv>().var;
  if (pages <= 1) return null;
  const from = Math.max(1, current - 3);
  const to = Math.min(pages, current + 3);
  const numbers: number[] = [];
  for (let n = from; n <= to; n++) numbers.push(n);
  return (
    <nav aria-label={t.search.pagination} class="pagination">
      <ul class="inline-list">
        {current > 1 ? (
          <li>
            <a href={withParams(values, { page: String(current - 1) })} rel="prev">
              {t.search.prev}
            </a>
          </li>
        ) : null}
        {numbers.map((n) => (
          <li>
            {n === current ? (
              <strong aria-current="page">{n}</strong>
            ) : (
              <a href={withParams(values, { page: String(n) })} aria-label={t.search.pageN(n)}>
                {n}
              </a>
            )}
          </li>
        ))}
        {current < pages ? (
          <li>
            <a href={withParams(values, { page: String(current + 1) })} rel="next">
              {t.search.next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function SaveConditions({ values }: { values: FormValues }) {
  const c = useRequestContext<AppEnv>();
  const { t, auth } = c.var;
  const s = t.search.save;
  if (auth?.role !== 'seeker') {
    if (auth) return null;
    const here = `/jobs?${conditionsQuery(values)}`;
    return (
      <p>
        <a href={`/login?next=${encodeURIComponent(here)}`}>{s.loginToSave}</a>
      </p>
    );
  }
  return (
    <section class="panel" aria-labelledby="save-search">
      <h2 id="save-search">{s.title}</h2>
      <form method="post" action="/mypage/searches" class="form" novalidate>
        <CsrfField />
        <input type="hidden" name="query" value={conditionsQuery(values)} />
        <TextField
          name="name"
          label={s.name}
          hint={s.nameHint}
          maxLength={SAVED_SEARCH_NAME_MAX}
          width="medium"
        />
        <button type="submit" class="button button--secondary">
          {s.submit}
        </button>
      </form>
    </section>
  );
}

/** 「読み（カイゴ）で一致」: the card was found by the reading of its kanji, not its own letters (ADR 0035). */
function ReadingMatch({ words }: { words: string[] | undefined }) {
  const { t } = useRequestContext<AppEnv>().var;
  if (!words) return null;
  return (
    <p class="muted reading-match" data-testid="reading-match">
      {t.search.readingMatch(words.join('・'))}
    </p>
  );
}

function SearchPage({
  values,
  errors,
  results,
}: {
  values: FormValues;
  errors: FormErrors;
  results: SearchResults | null;
}) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.search;
  let body: Child = null;
  if (results) {
    const shownTotal = Math.min(results.total, MAX_RESULTS);
    const pages = Math.ceil(shownTotal / results.per);
    const from = (results.page - 1) * results.per + 1;
    const to = from + results.cards.length - 1;
    body = (
      <section aria-labelledby="results-title">
        <h2 id="results-title" tabindex={-1}>
          {s.resultsTitle}
          {t.common.colon}
          <span data-testid="hit-count">{results.capped ? s.countCapped : s.count(results.total)}</span>
        </h2>
        {results.capped ? <p class="muted">{s.countNote}</p> : null}
        {results.cards.length === 0 ? (
          <p>{s.none}</p>
        ) : (
          <>
            <p class="muted" aria-live="polite">
              {s.showing(from, to)}
            </p>
            <ResultControls values={values} />
            <div class="job-list">
              {results.cards.map((job) => (
                <JobCard job={job}>
                  <ReadingMatch words={results.readingMatches.get(job.id)} />
                </JobCard>
              ))}
            </div>
            <Pagination values={values} page={results.page} pages={pages} />
          </>
        )}
        <SaveConditions values={values} />
      </section>
    );
  }
  const set = countSet(values);
  const hasErrors = Object.keys(errors).length > 0;
  // Phone first (issue 14): once a search found jobs, its conditions fold into one line above the
  // results, so the first card is on the first screens; open before any search, on errors and with none found.
  const folded = results !== null && set > 0 && results.cards.length > 0 && !hasErrors;
  return (
    <>
      <h1>{s.title}</h1>
      {folded ? (
        <>
          <p class="skip-to-results">
            <a href="#results-title">{s.conditions.skipToResults}</a>
          </p>
          <details class="search-conditions">
            <summary>{s.conditions.summary(set)}</summary>
            <SearchForm values={values} errors={errors} />
          </details>
        </>
      ) : (
        <SearchForm values={values} errors={errors} />
      )}
      {body}
    </>
  );
}

/** The 市区町村 names of the given prefectures (codes not known are ignored; none given, none). */
export function municipalitiesOf(prefectureCodes: readonly string[]): string[] {
  return PREFECTURES.filter((p) => prefectureCodes.includes(p.code)).flatMap((p) =>
    p.municipalities.map((m) => m.name),
  );
}

export function searchRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/municipalities', (c) => {
      // The suggestions of the 市区町村 boxes for app.js: static data, the same for everyone.
      const prefs = c.req.queries('pref')?.slice(0, 3) ?? [];
      c.header('Cache-Control', 'public, max-age=86400');
      return c.json({ names: municipalitiesOf(prefs) });
    })
    .get('/', async (c) => {
      const values = searchValues(new URL(c.req.url).searchParams);
      const v = validate(searchSchema, values, searchLabels(c.var.t), c.var.t);
      if (!v.ok)
        return page(
          c,
          { title: c.var.t.search.title },
          <SearchPage values={values} errors={v.errors} results={null} />,
          400,
        );
      const { auth } = c.var;
      // Anonymous searches may read the standby; a signed-in one reads the primary (ADR 0031).
      const results = await publicRead(c, (deps) =>
        runSearch(deps, {
          conditions: v.data,
          audience: auth?.role === 'staff' ? 'staff' : 'public',
          seekerId: auth?.seeker?.id,
        }),
      );
      return page(
        c,
        { title: c.var.t.search.title },
        <SearchPage values={values} errors={{}} results={results} />,
      );
    });
}

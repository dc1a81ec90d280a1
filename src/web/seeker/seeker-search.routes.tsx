/**
 * 検索条件の保存 (SR-2) and お気に入り (SR-3) in the seeker's MyPage. Mounted inside the seeker
 * portal, so every route already requires a signed-in seeker; all queries are scoped to them.
 */
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import type { JobCardView } from '../../modules/jobs/job-view.ts';
import { addFavorite } from '../../modules/search/add-favorite.ts';
import { ALERT_FREQUENCIES, isAlertFrequency } from '../../modules/search/alerts.rules.ts';
import { listFavorites } from '../../modules/search/list-favorites.ts';
import { removeFavorite } from '../../modules/search/remove-favorite.ts';
import { removeSavedSearch } from '../../modules/search/remove-saved-search.ts';
import { saveSearch } from '../../modules/search/save-search.ts';
import { listSavedSearches, type SavedSearch } from '../../modules/search/seeker-lists.repository.ts';
import { SAVED_SEARCH_NAME_MAX } from '../../modules/search/seeker-lists.rules.ts';
import { setSearchAlert } from '../../modules/search/set-search-alert.ts';
import { registrationStatus } from '../../modules/seekers/registration.rules.ts';
import { findSeeker } from '../../modules/seekers/seekers.repository.ts';
import { tokyoDate } from '../../platform/dates.ts';
import { notFound } from '../../platform/errors.ts';
import { text } from '../../platform/fields.ts';
import { seekerOf } from '../auth/guards.ts';
import { Button, CsrfField } from '../components/form.tsx';
import { JobCard } from '../components/job-card.tsx';
import { Notice } from '../components/notice.tsx';
import type { AppEnv } from '../env.ts';
import { one, readForm, validate } from '../forms.ts';
import { uuidParam } from '../params.ts';
import { page } from '../render.tsx';

const saveSchema = z.object({
  name: text({ max: SAVED_SEARCH_NAME_MAX, optional: true }),
  query: text({ max: 4000 }),
});

/** AL-1: the saved search's 新着求人 alert setting (its own form; ids unique per saved search). */
function AlertForm({ search }: { search: SavedSearch }) {
  const { t } = useRequestContext<AppEnv>().var;
  const a = t.alerts.settings;
  const id = `alert-${search.id}`;
  return (
    <form method="post" action={`/mypage/searches/${search.id}/alert`} class="saved-search-alert">
      <CsrfField />
      <div class="field">
        <label class="field__label" for={id}>
          {a.label}
          <span class="visually-hidden">
            {t.common.colon}
            {search.name}
          </span>
        </label>
        <p class="field__hint" id={`${id}-hint`}>
          {a.hint}
        </p>
        <select class="select" id={id} name="frequency" aria-describedby={`${id}-hint`}>
          {ALERT_FREQUENCIES.map((f) => (
            <option value={f} selected={f === search.alertFrequency}>
              {t.alerts.frequency[f]}
            </option>
          ))}
        </select>
      </div>
      <Button variant="secondary">
        {a.save}
        <span class="visually-hidden">
          {t.common.colon}
          {search.name}
        </span>
      </Button>
    </form>
  );
}

function SavedSearches({
  searches,
  notice,
  alertsPaused,
}: {
  searches: SavedSearch[];
  notice?: { kind: 'success' | 'error'; text: string };
  /** AL-7: the registration is 無効 or lapsed, so no alert is sent. */
  alertsPaused: boolean;
}) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.search.saved;
  return (
    <>
      <h1>{s.title}</h1>
      <p>{s.lead}</p>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {alertsPaused && searches.some((x) => x.alertFrequency !== 'off') ? (
        <Notice kind="warning">{t.alerts.settings.inactive}</Notice>
      ) : null}
      {searches.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <ol class="saved-searches">
          {searches.map((search) => (
            <li class="panel">
              <h2>{search.name}</h2>
              <p>
                <a class="button" href={`/jobs?${search.query}`}>
                  {s.run}
                </a>
              </p>
              <p>{t.alerts.settings.current(t.alerts.frequency[search.alertFrequency])}</p>
              <AlertForm search={search} />
              <form method="post" action={`/mypage/searches/${search.id}/delete`}>
                <CsrfField />
                <Button variant="secondary">
                  {s.remove}
                  <span class="visually-hidden">
                    {t.common.colon}
                    {search.name}
                  </span>
                </Button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Favorites({
  cards,
  notice,
}: {
  cards: JobCardView[];
  notice?: { kind: 'success' | 'error'; text: string };
}) {
  const { t } = useRequestContext<AppEnv>().var;
  const f = t.search.favorites;
  return (
    <>
      <h1>{f.title}</h1>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      <p>{f.lead(cards.length)}</p>
      {cards.length === 0 ? (
        <p>{f.none}</p>
      ) : (
        <section class="job-list" aria-labelledby="favorites-heading">
          {/* The cards' titles are h3: the list has its own h2 so no heading level is skipped. */}
          <h2 id="favorites-heading">{f.listHeading}</h2>
          {cards.map((job) => (
            <div>
              <JobCard job={job} />
              <form method="post" action="/mypage/favorites/delete" class="favorite-remove">
                <CsrfField />
                <input type="hidden" name="jobNumber" value={job.jobNumber ?? ''} />
                <Button variant="secondary">
                  {f.remove}
                  <span class="visually-hidden">：{job.title}</span>
                </Button>
              </form>
            </div>
          ))}
        </section>
      )}
    </>
  );
}

async function renderSaved(
  c: Context<AppEnv>,
  notice?: { kind: 'success' | 'error'; text: string },
  status: 200 | 400 = 200,
) {
  const { db, clock } = c.var.deps;
  const searches = await listSavedSearches(db, seekerOf(c).id);
  const seeker = await findSeeker(db, seekerOf(c).id);
  const alertsPaused = !seeker || registrationStatus(seeker, tokyoDate(clock.now())) !== 'active';
  return page(
    c,
    { title: c.var.t.search.saved.title, portal: 'seeker' },
    <SavedSearches searches={searches} notice={notice} alertsPaused={alertsPaused} />,
    status,
  );
}

async function renderFavorites(
  c: Context<AppEnv>,
  notice?: { kind: 'success' | 'error'; text: string },
  status: 200 | 400 = 200,
) {
  const cards = await listFavorites(c.var.deps, seekerOf(c).id);
  return page(
    c,
    { title: c.var.t.search.favorites.title, portal: 'seeker' },
    <Favorites cards={cards} notice={notice} />,
    status,
  );
}

export function seekerSearchRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/searches', async (c) => {
      const s = c.var.t.search.saved;
      const flash = c.req.query('done');
      return renderSaved(
        c,
        flash === 'added'
          ? { kind: 'success', text: s.added }
          : flash === 'removed'
            ? { kind: 'success', text: s.removed }
            : flash === 'alert'
              ? { kind: 'success', text: c.var.t.alerts.settings.saved }
              : undefined,
      );
    })
    .post('/searches/:id/alert', async (c) => {
      const frequency = one(await readForm(c), 'frequency');
      if (!isAlertFrequency(frequency)) {
        return renderSaved(c, { kind: 'error', text: c.var.t.errors.badRequestBody }, 400);
      }
      const outcome = await setSearchAlert(c.var.deps, {
        seekerId: seekerOf(c).id,
        id: uuidParam(c),
        frequency,
      });
      if (outcome === 'not_found') throw notFound('saved search');
      return c.redirect('/mypage/searches?done=alert', 303);
    })
    .post('/searches', async (c) => {
      const s = c.var.t.search.saved;
      const v = validate(
        saveSchema,
        await readForm(c),
        { name: c.var.t.search.save.name, query: c.var.t.search.title },
        c.var.t,
      );
      if (!v.ok) return renderSaved(c, { kind: 'error', text: Object.values(v.errors)[0] ?? '' }, 400);
      const outcome = await saveSearch(c.var.deps, {
        seekerId: seekerOf(c).id,
        name: v.data.name,
        query: v.data.query,
        defaultName: s.defaultName,
      });
      if (outcome === 'invalid_query') {
        return renderSaved(c, { kind: 'error', text: c.var.t.errors.badRequestBody }, 400);
      }
      if (outcome === 'full') return renderSaved(c, { kind: 'error', text: s.full }, 400);
      return c.redirect('/mypage/searches?done=added', 303);
    })
    .post('/searches/:id/delete', async (c) => {
      await removeSavedSearch(c.var.deps, { seekerId: seekerOf(c).id, id: uuidParam(c) });
      return c.redirect('/mypage/searches?done=removed', 303);
    })
    .get('/favorites', async (c) => {
      const f = c.var.t.search.favorites;
      const flash = c.req.query('done');
      const notice =
        flash === 'added'
          ? { kind: 'success' as const, text: f.added }
          : flash === 'already'
            ? { kind: 'success' as const, text: f.already }
            : flash === 'removed'
              ? { kind: 'success' as const, text: f.removed }
              : undefined;
      return renderFavorites(c, notice);
    })
    .post('/favorites', async (c) => {
      const f = c.var.t.search.favorites;
      const outcome = await addFavorite(c.var.deps, {
        seekerId: seekerOf(c).id,
        jobNumber: one(await readForm(c), 'jobNumber'),
      });
      if (outcome === 'unknown_job') return renderFavorites(c, { kind: 'error', text: f.unknownJob }, 400);
      if (outcome === 'full') return renderFavorites(c, { kind: 'error', text: f.full }, 400);
      return c.redirect(`/mypage/favorites?done=${outcome}`, 303);
    })
    .post('/favorites/delete', async (c) => {
      const jobNumber = one(await readForm(c), 'jobNumber');
      await removeFavorite(c.var.deps, { seekerId: seekerOf(c).id, jobNumber });
      return c.redirect('/mypage/favorites?done=removed', 303);
    });
}

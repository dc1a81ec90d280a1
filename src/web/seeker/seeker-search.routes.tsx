/**
 * 検索条件の保存 (SR-2) and お気に入り (SR-3) in the seeker's MyPage. Mounted inside the seeker
 * portal, so every route already requires a signed-in seeker; all queries are scoped to them.
 */
import { type Context, Hono } from 'hono';
import { useRequestContext } from 'hono/jsx-renderer';
import { z } from 'zod';
import { type JobCardView, loadJobCards } from '../../modules/jobs/job-view.ts';
import { findJobByNumber } from '../../modules/jobs/jobs.repository.ts';
import { addFavorite } from '../../modules/search/add-favorite.ts';
import { isSearchable } from '../../modules/search/reindex-job.ts';
import { saveSearch } from '../../modules/search/save-search.ts';
import { searchSchema, searchValues } from '../../modules/search/search.schemas.ts';
import {
  countSavedSearches,
  deleteFavorite,
  deleteSavedSearch,
  listFavoriteJobIds,
  listSavedSearches,
  type SavedSearch,
} from '../../modules/search/seeker-lists.repository.ts';
import { SAVED_SEARCH_NAME_MAX } from '../../modules/search/seeker-lists.rules.ts';
import { tokyoDate } from '../../platform/dates.ts';
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
const JOB_NUMBER = /^\d{5}-\d{8}$/;

function SavedSearches({
  searches,
  notice,
}: {
  searches: SavedSearch[];
  notice?: { kind: 'success' | 'error'; text: string };
}) {
  const { t } = useRequestContext<AppEnv>().var;
  const s = t.search.saved;
  return (
    <>
      <h1>{s.title}</h1>
      <p>{s.lead}</p>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
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
              <form method="post" action={`/mypage/searches/${search.id}/delete`}>
                <CsrfField />
                <Button variant="secondary">
                  {s.remove}
                  <span class="visually-hidden">：{search.name}</span>
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
        <div class="job-list">
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
        </div>
      )}
    </>
  );
}

async function renderSaved(
  c: Context<AppEnv>,
  notice?: { kind: 'success' | 'error'; text: string },
  status: 200 | 400 = 200,
) {
  const searches = await listSavedSearches(c.var.deps.db, seekerOf(c).id);
  return page(
    c,
    { title: c.var.t.search.saved.title, portal: 'seeker' },
    <SavedSearches searches={searches} notice={notice} />,
    status,
  );
}

async function renderFavorites(
  c: Context<AppEnv>,
  notice?: { kind: 'success' | 'error'; text: string },
  status: 200 | 400 = 200,
) {
  const { db } = c.var.deps;
  const ids = await listFavoriteJobIds(db, seekerOf(c).id);
  const cards = await loadJobCards(db, ids, 'public', tokyoDate(c.var.deps.clock.now()));
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
            : undefined,
      );
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
      // The query must be a valid search; anything else is not saved.
      if (!validate(searchSchema, searchValues(new URLSearchParams(v.data.query)), {}, c.var.t).ok) {
        return renderSaved(c, { kind: 'error', text: c.var.t.errors.badRequestBody }, 400);
      }
      const seekerId = seekerOf(c).id;
      const name = v.data.name || s.defaultName((await countSavedSearches(c.var.deps.db, seekerId)) + 1);
      const outcome = await saveSearch(c.var.deps, { seekerId, name, query: v.data.query });
      if (outcome === 'full') return renderSaved(c, { kind: 'error', text: s.full }, 400);
      return c.redirect('/mypage/searches?done=added', 303);
    })
    .post('/searches/:id/delete', async (c) => {
      await deleteSavedSearch(c.var.deps.db, seekerOf(c).id, uuidParam(c));
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
      const number = one(await readForm(c), 'jobNumber')
        .normalize('NFKC')
        .trim();
      const job = JOB_NUMBER.test(number) ? (await findJobByNumber(c.var.deps.db, number))?.job : undefined;
      if (!job || !isSearchable(job, tokyoDate(c.var.deps.clock.now()))) {
        return renderFavorites(c, { kind: 'error', text: f.unknownJob }, 400);
      }
      const outcome = await addFavorite(c.var.deps, seekerOf(c).id, job.id);
      if (outcome === 'full') return renderFavorites(c, { kind: 'error', text: f.full }, 400);
      return c.redirect(`/mypage/favorites?done=${outcome}`, 303);
    })
    .post('/favorites/delete', async (c) => {
      const number = one(await readForm(c), 'jobNumber');
      const job = JOB_NUMBER.test(number) ? (await findJobByNumber(c.var.deps.db, number))?.job : undefined;
      if (job) await deleteFavorite(c.var.deps.db, seekerOf(c).id, job.id);
      return c.redirect('/mypage/favorites?done=removed', 303);
    });
}

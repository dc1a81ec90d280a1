/** English strings: the open job data guide at /api. Same shape as ../ja/opendata.ts. */
import type { Messages } from '../ja.ts';

export const opendata: Messages['opendata'] = {
  title: 'Job data API',
  lead: 'Programs can read the jobs open to the public, read-only. The content is what the job search and job pages show: for jobs whose 公開範囲 hides the employer, the employer’s details are left out. Nothing personal is ever served.',
  endpointsTitle: 'What it offers',
  endpoints: [
    {
      path: 'GET /api/v1/jobs',
      text: 'Job search. The conditions have the same names as in the search page’s URL (e.g. kw=介護&pref=13&sort=new&per=30&page=1). Results come in the page’s order and paging.',
    },
    {
      path: 'GET /api/v1/jobs/{job number}',
      text: 'One job’s details. Private jobs, jobs not yet accepted and ended (無効 or withdrawn) jobs answer 404.',
    },
    { path: 'GET /api/v1/openapi.json', text: 'The OpenAPI 3 description (every condition and field).' },
  ],
  rulesTitle: 'Terms of use',
  rules: [
    'Up to 60 requests a minute per client address. Beyond that the answer is 429, with the seconds to wait in Retry-After.',
    'Answers are JSON (UTF-8) with an ETag: send If-None-Match and an unchanged answer is 304.',
    'Answers may be cached for 60 seconds (Cache-Control: public, max-age=60).',
    'Scripts on any site may read it with GET (CORS). No cookies are sent or read.',
    'Job information is not an employment contract. Check the job’s details before applying.',
  ],
  exampleTitle: 'Example',
  sitemapTitle: 'For search engines',
  sitemap:
    'Every job page carries a schema.org JobPosting (JSON-LD). The list of open public jobs is at /sitemap.xml.',
};

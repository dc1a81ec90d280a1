/** やさしい日本語 strings (ADR 0034): the open job data guide at /api (issue 16, ADR 0027). */
import type { Messages } from '../ja.ts';
export const opendata: Messages['opendata'] = {
  title: '求人情報API',
  lead: '公開中の求人情報を、プログラムから読み取り専用で利用できます。内容は求人検索・求人情報の画面と同じで、公開範囲により事業所名等を公開しない求人では、それらの項目は含まれません。個人の情報は一切提供しません。',
  endpointsTitle: '提供する情報',
  endpoints: [
    {
      path: 'GET /api/v1/jobs',
      text: '求人検索。条件は求人検索画面のURLと同じ名前です（例：kw=介護&pref=13&sort=new&per=30&page=1）。結果は画面と同じ順序・同じページ分けです。',
    },
    {
      path: 'GET /api/v1/jobs/{求人番号}',
      text: '求人票の内容。公開しない求人、受理前の求人、無効・取下げの求人は 404 になります。',
    },
    { path: 'GET /api/v1/openapi.json', text: 'OpenAPI 3 形式の仕様書（条件と応答の項目の一覧）。' },
  ],
  rulesTitle: '利用の決まり',
  rules: [
    '1つの接続元につき1分間60件までです。超えると 429 を返し、Retry-After ヘッダーに再試行までの秒数を示します。',
    '応答は JSON（UTF-8）です。ETag を付けていますので、If-None-Match を送ると変更がなければ 304 を返します。',
    '応答は60秒間キャッシュできます（Cache-Control: public, max-age=60）。',
    'どのサイトのスクリプトからも GET で読み取れます（CORS）。Cookie は送受信しません。',
    'この画面に表示される求人情報は雇用契約書ではありません。応募の際は必ず求人票の内容を確認してください。',
  ],
  exampleTitle: '例',
  sitemapTitle: '検索エンジン向け',
  sitemap:
    '各求人情報の画面には schema.org の JobPosting（JSON-LD）を埋め込んでいます。公開中の求人の一覧は /sitemap.xml にあります。',
};

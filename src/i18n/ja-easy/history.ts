/** やさしい日本語 strings (ADR 0034): one's own history to take away from 求職者情報・設定 (issue 16, ADR 0026). */

import type { ApplicationRoute } from '../../domain/vocabulary.ts';
import type { Messages } from '../ja.ts';

export const history: Messages['history'] = {
  section: {
    title: '求職活動《きゅうしょくかつどう》の 記録《きろく》を ダウンロードする',
    lead: 'あなたの 記録《きろく》を ファイルで 保存《ほぞん》できます。ファイルには あなたの 情報《じょうほう》だけが あります。みんなの パソコンでは、ファイルに 気《き》を つけてください。ファイルの 中《なか》は、窓口《まどぐち》で 見《み》せる ため、ふつうの 日本語《にほんご》です。',
    activityCsv: '応募《おうぼ》・紹介《しょうかい》の 記録《きろく》（CSV）',
    activityCsvNote:
      '応募《おうぼ》と オンラインハローワーク紹介《しょうかい》の 一覧《いちらん》です。日《ひ》、種類《しゅるい》、求人番号《きゅうじんばんごう》、会社《かいしゃ》、仕事《しごと》、状態《じょうたい》などが あります。Excel などで 開《ひら》けます（UTF-8）。',
    activityPdf: '求職活動の記録（PDF）（しごとさがしの きろく）',
    activityPdfNote:
      '応募《おうぼ》・紹介《しょうかい》の 記録《きろく》を 印刷《いんさつ》できる 形《かたち》に しました。ハローワークの 窓口《まどぐち》で、あなたの 仕事《しごと》さがしを 見《み》せる ときに 使《つか》えます。',
    interviewsIcs: '予約《よやく》した 面接《めんせつ》の 日《ひ》と 時間《じかん》（iCalendar）',
    interviewsIcsNote:
      '予約《よやく》した 面接《めんせつ》を ぜんぶ、カレンダーの アプリに 入《い》れられる 形《かたち》（.ics）で 保存《ほぞん》します。日《ひ》と 時間《じかん》、面接《めんせつ》の 方法《ほうほう》、場所《ばしょ》が あります。',
    favoritesCsv: 'お気《き》に入《い》り（CSV）',
    favoritesCsvNote:
      'お気《き》に入《い》りに 保存《ほぞん》した 仕事《しごと》の 一覧《いちらん》です。保存《ほぞん》した 日《ひ》、求人番号《きゅうじんばんごう》、仕事《しごと》、見《み》ることが できるか、URLが あります。',
    searchesCsv: '保存《ほぞん》した 条件《じょうけん》（CSV）',
    searchesCsvNote:
      '保存《ほぞん》した 条件《じょうけん》の 一覧《いちらん》です。名前《なまえ》、保存《ほぞん》した 日《ひ》、条件《じょうけん》、URLが あります。',
  },
  files: {
    activityCsv: (on: string) => `求職活動の履歴_${on}.csv`,
    activityPdf: (on: string) => `求職活動の記録_${on}.pdf`,
    interviewsIcs: (on: string) => `面接日時_${on}.ics`,
    favoritesCsv: (on: string) => `お気に入り_${on}.csv`,
    searchesCsv: (on: string) => `保存した検索条件_${on}.csv`,
  },
  kind: {
    referral: 'オンラインハローワーク紹介《しょうかい》',
    application: {
      referral: '応募《おうぼ》（オンラインハローワーク紹介《しょうかい》）',
      direct: '応募《おうぼ》（オンライン自主応募《じしゅおうぼ》）',
    } as Record<ApplicationRoute, string>,
  },
  activityColumns: {
    on: '日付《ひづけ》',
    kind: '種類《しゅるい》',
    jobNumber: '求人番号《きゅうじんばんごう》',
    employer: '会社《かいしゃ》の 名前《なまえ》',
    title: '仕事《しごと》',
    state: '状態《じょうたい》',
    endedOn: '状態《じょうたい》の 日付《ひづけ》',
    letterNumber: '紹介状《しょうかいじょう》の 番号《ばんごう》',
    applyBy: '応募《おうぼ》の 期限《きげん》',
  },
  favoriteColumns: {
    addedOn: '保存《ほぞん》した 日《ひ》',
    jobNumber: '求人番号《きゅうじんばんごう》',
    title: '仕事《しごと》',
    status: '見《み》ることが できるか',
    url: 'URL',
  },
  favoriteStatus: { open: '見《み》ることが できる', closed: '終《お》わった' },
  searchColumns: {
    name: '名前《なまえ》',
    savedOn: '保存《ほぞん》した 日《ひ》',
    conditions: '条件《じょうけん》',
    url: 'URL',
  },
  pdf: {
    lang: 'ja-JP',
    title: '求職活動の記録（仕事《しごと》さがしの 記録《きろく》）',
    seeker: '氏名《しめい》（名前《なまえ》）',
    seekerNumber: '求職番号《きゅうしょくばんごう》',
    createdOn: 'つくった 日《ひ》',
    columns: {
      on: '日付《ひづけ》',
      kind: '内容《ないよう》',
      job: '仕事《しごと》',
      state: '状態《じょうたい》',
    },
    none: '応募《おうぼ》と 紹介《しょうかい》の 記録《きろく》は ありません。',
    note: 'この 記録《きろく》は、マイページで した 応募《おうぼ》と オンラインハローワーク紹介《しょうかい》から つくりました。窓口《まどぐち》や 電話《でんわ》での 相談《そうだん》、セミナーなど、マイページの ほかで した 仕事《しごと》さがしは 入《はい》って いません。',

    author: 'ハローワークインターネットサービス',
    job: (jobNumber: string, employer: string, title: string) => `${jobNumber}\n${employer}\n${title}`,
    stateOn: (state: string, on: string) => `${state}（${on}）`,
  },
};

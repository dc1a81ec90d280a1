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
    favoritesCsv: 'お気に入り（CSV）',
    favoritesCsvNote:
      'お気に入りに 保存《ほぞん》した 仕事《しごと》の 一覧《いちらん》です。保存《ほぞん》した 日《ひ》、求人番号《きゅうじんばんごう》、仕事《しごと》、見《み》ることが できるか、URLが あります。',
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
    referral: 'オンラインハローワーク紹介',
    application: {
      referral: '応募（オンラインハローワーク紹介）',
      direct: '応募（オンライン自主応募）',
    } as Record<ApplicationRoute, string>,
  },
  activityColumns: {
    on: '日付',
    kind: '種別',
    jobNumber: '求人番号',
    employer: '事業所名',
    title: '職種',
    state: '状況',
    endedOn: '状況の日付',
    letterNumber: '紹介状番号',
    applyBy: '応募期限日',
  },
  favoriteColumns: {
    addedOn: '登録日',
    jobNumber: '求人番号',
    title: '職種',
    status: '公開状況',
    url: 'URL',
  },
  favoriteStatus: { open: '公開中', closed: '公開終了' },
  searchColumns: { name: '名前', savedOn: '保存日', conditions: '検索条件', url: 'URL' },
  pdf: {
    lang: 'ja-JP',
    title: '求職活動の記録',
    seeker: '氏名',
    seekerNumber: '求職番号',
    createdOn: '作成日',
    columns: { on: '日付', kind: '内容', job: '求人', state: '状況' },
    none: '記録された応募・紹介はありません。',
    note: 'この記録は、ハローワークインターネットサービスの求職者マイページに記録された応募とオンラインハローワーク紹介から作成したものです。窓口や電話での職業相談、セミナーへの参加など、マイページ以外の求職活動は含まれません。',
    author: 'ハローワークインターネットサービス',
    job: (jobNumber: string, employer: string, title: string) => `${jobNumber}\n${employer}\n${title}`,
    stateOn: (state: string, on: string) => `${state}（${on}）`,
  },
};

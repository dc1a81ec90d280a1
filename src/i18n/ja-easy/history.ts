/** やさしい日本語 strings (ADR 0034): one's own history to take away from 求職者情報・設定 (issue 16, ADR 0026). */

import type { ApplicationRoute } from '../../domain/vocabulary.ts';
import type { Messages } from '../ja.ts';

export const history: Messages['history'] = {
  section: {
    title: '求職活動の記録のダウンロード',
    lead: 'ご自身の記録をファイルで保存できます。ダウンロードした内容はご本人の情報のみです。共用のパソコンでは保存したファイルの取り扱いにご注意ください。',
    activityCsv: '応募・紹介の履歴（CSV）',
    activityCsvNote:
      '応募とオンラインハローワーク紹介の一覧です。日付、種別、求人番号、事業所名、職種、状況、状況の日付、紹介状番号、応募期限日を含みます。Excel などで開けます（UTF-8）。',
    activityPdf: '求職活動の記録（PDF）',
    activityPdfNote:
      '応募・紹介の履歴を印刷できる形にしたものです。失業認定の際など、ハローワークの窓口で求職活動の内容を示すときにお使いいただけます。',
    interviewsIcs: '予約済みの面接日時（iCalendar）',
    interviewsIcsNote:
      '予約済みの面接すべてを、カレンダーアプリに取り込める形式（.ics）で保存します。日時、面接方法、場所・参加方法を含みます。',
    favoritesCsv: 'お気に入り（CSV）',
    favoritesCsvNote:
      'お気に入りに登録した求人の一覧です。登録日、求人番号、職種、公開状況、求人のURLを含みます。',
    searchesCsv: '保存した検索条件（CSV）',
    searchesCsvNote: '保存した検索条件の一覧です。名前、保存日、検索条件、検索結果のURLを含みます。',
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

/**
 * Japanese: the default locale. Screen labels, buttons and consent sentences follow the two source
 * leaflets (../shared/seeds) word for word. This object defines the Messages type; en.ts must match it.
 */
import { formatJapaneseDate } from '../platform/dates.ts';
import type { Messages } from './ja.ts';
import { accounts } from './ja-easy/accounts.ts';
import { alerts } from './ja-easy/alerts.ts';
import { applying } from './ja-easy/applying.ts';
import { codes } from './ja-easy/codes.ts';
import { employer } from './ja-easy/employer.ts';
import { history } from './ja-easy/history.ts';
import { information } from './ja-easy/information.ts';
import { jobs } from './ja-easy/jobs.ts';
import { notifications } from './ja-easy/notifications.ts';
import { opendata } from './ja-easy/opendata.ts';
import { referrals } from './ja-easy/referrals.ts';
import { registration } from './ja-easy/registration.ts';
import { search } from './ja-easy/search.ts';
import { seeker } from './ja-easy/seeker.ts';
import { staff } from './ja-easy/staff.ts';
import { threads } from './ja-easy/threads.ts';

/**
 * やさしい日本語 (ja-easy, ADR 0034): short sentences, common words, です・ます, numbers in digits and
 * ふりがな as 漢字《かんじ》 (src/i18n/ruby.ts). The seeds' fixed labels keep their wording, with the
 * easy words beside them: 「次へ進む（つぎへ すすむ）」.
 */
export const jaEasy: Messages = {
  locale: { code: 'ja-easy', name: 'やさしいにほんご', switchTo: 'English', htmlLang: 'ja' },
  site: {
    name: 'ハローワークインターネットサービス',
    seekerPortal: '求職者《きゅうしょくしゃ》マイページ',
    employerPortal: '求人者《きゅうじんしゃ》マイページ',
    staffPortal: 'ハローワーク職員《しょくいん》画面《がめん》',
    skipToContent: '本文《ほんぶん》へ移動《いどう》',
    footer: 'ハローワークインターネットサービス（オープン実装《じっそう》）',
    breadcrumb: 'いまの ページの 場所《ばしょ》',
    mainNav: 'メニュー',
    languageNav: 'ことば',
    description: {
      public:
        'ハローワークの 仕事《しごと》を さがせます。求職者《きゅうしょくしゃ》マイページから インターネットで 応募《おうぼ》できます。',
      seeker:
        '求職者《きゅうしょくしゃ》マイページです。仕事《しごと》を さがす、応募《おうぼ》する、メッセージを 読《よ》む ことが できます。',
      employer:
        '求人者《きゅうじんしゃ》マイページです。求人《きゅうじん》と 応募《おうぼ》した 人《ひと》を 見《み》る ことが できます。',
      staff: 'ハローワークの 職員《しょくいん》の 画面《がめん》です。',
    },
    jobDescription: (title: string, company: string, place: string) =>
      `${title}（${company}）。働《はたら》く 場所《ばしょ》は ${place}です。ハローワークの 求人《きゅうじん》です。`,
  },
  nav: {
    home: 'ホーム',
    search: '求人検索（しごとを さがす）',
    activity: '求職活動状況（しごとさがしの ようす）',
    messages: 'メッセージ',
    settings: '求職者情報・設定（あなたの じょうほう）',
    login: 'ログイン',
    logout: 'ログアウト',
    employerHome: '求人者《きゅうじんしゃ》マイページ',
    employerJobs: '求人《きゅうじん》の 一覧《いちらん》',
    employerApplications: '応募《おうぼ》した 人《ひと》',
    employerMessages: 'メッセージ',
    staffHome: '職員《しょくいん》トップ',
    staffSeekers: '求職者《きゅうしょくしゃ》',
    staffEmployers: '事業所《じぎょうしょ》',
    staffJobs: '求人《きゅうじん》',
  },
  common: {
    charsLeft: 'あと {n}｜文字《もじ》 書《か》けます',
    charsOver: '{n}｜文字《もじ》 多《おお》いです',
    /** The first option of a select that may be left unchosen. */
    notChosen: 'えらばない',
    next: '次へ進む（つぎへ すすむ）',
    back: '戻る（もどる）',
    cancel: 'キャンセル（やめる）',
    save: '保存する（ほぞんする）',
    complete: '完了（おわり）',
    search: '検索（さがす）',
    required: 'かならず 書《か》く',
    optional: '書《か》かなくても よい',
    none: 'ありません',
    yes: 'あります',
    no: 'ありません',
    notRequired: '問《と》いません',
    yen: (n: number) => `${n.toLocaleString('ja-JP')}｜円《えん》`,
    yenRange: (min: number, max: number) =>
      min === max
        ? `${min.toLocaleString('ja-JP')}｜円《えん》`
        : `${min.toLocaleString('ja-JP')}｜円《えん》から ${max.toLocaleString('ja-JP')}｜円《えん》`,
    people: (n: number) => `${n}｜人《にん》`,
    persons: (n: number) => `${n.toLocaleString('ja-JP')}｜人《にん》`,
    days: (n: number) => `${n}｜日《にち》`,
    minutes: (n: number) => `${n}｜分《ふん》`,
    hours: (n: number) => `${n}｜時間《じかん》`,
    count: (n: number) => `${n.toLocaleString('ja-JP')}｜件《けん》`,
    date: formatJapaneseDate,
    choiceNumber: (n: number) => `${n}｜番目《ばんめ》の 希望《きぼう》`,
    colon: '：',
    list: '、',
    dotList: '・',
    paren: (text: string) => `（${text}）`,
  },
  errors: {
    summaryTitle: '書《か》いた ことに まちがいが あります',
    notFoundTitle: 'ページが ありません',
    notFoundBody:
      'この ページは 見《み》つかりませんでした。URLが 正《ただ》しいか 見《み》てください。ページが なくなった かもしれません。',
    serverErrorTitle: 'いま この ページを 見《み》ることが できません',
    serverErrorBody:
      'システムに 問題《もんだい》が あります。少《すこ》し 待《ま》ってから、もう一度《いちど》 してください。書《か》いた ことは 保存《ほぞん》されて いない かもしれません。',
    requestId: (id: string) =>
      `聞《き》きたい ことが あるときは、この 番号《ばんごう》を 言《い》ってください：${id}`,
    forbiddenTitle: 'あなたは この ページを 見《み》ることが できません',
    forbiddenBody: 'いま ログインして いる アカウントでは、この ページを 使《つか》えません。',
    csrfTitle: '画面《がめん》の 時間《じかん》が 過《す》ぎました',
    csrfBody:
      '安全《あんぜん》の ために、この 操作《そうさ》を 受《う》け付《つ》けませんでした。前《まえ》の 画面《がめん》に 戻《もど》ってください。ページを 読《よ》み込《こ》み直《なお》してから、もう一度《いちど》 してください。',
    rateLimitedTitle: '少《すこ》し 待《ま》ってください',
    rateLimitedBody:
      '短《みじか》い 時間《じかん》に たくさん 操作《そうさ》が ありました。いまは 受《う》け付《つ》けて いません。少《すこ》し 待《ま》ってから、もう一度《いちど》 してください。',
    tooLargeTitle: '送《おく》った データが 大《おお》きすぎます',
    tooLargeBody:
      '送《おく》れる 大《おお》きさを 超《こ》えています。少《すこ》なくして、もう一度《いちど》 送《おく》ってください。',
    unavailableTitle: 'いま こんでいます',
    unavailableBody: '少《すこ》し 待《ま》ってから、もう一度《いちど》 してください。',
    databaseUnavailableTitle: 'いまは 使《つか》えません',
    databaseUnavailableBody:
      'システムを 切《き》り替《か》えて います。少《すこ》し 待《ま》ってから、同《おな》じ 操作《そうさ》を もう一度《いちど》 してください。',
    badRequestTitle: 'この 操作《そうさ》は できません',
    badRequestBody:
      '書《か》いた ことか 操作《そうさ》の 順番《じゅんばん》に まちがいが あります。前《まえ》の 画面《がめん》に 戻《もど》って、もう一度《いちど》 してください。',
    backToTop: 'トップページに 戻《もど》る',
  },
  validation: {
    required: (label: string) => `「${label}」を 書《か》いてください`,
    requiredSelect: (label: string) => `「${label}」を えらんでください`,
    requiredCheck: (label: string) => `「${label}」に チェックを 入《い》れてください`,
    tooLong: (label: string, max: number) => `「${label}」は ${max}｜文字《もじ》までです`,
    tooShort: (label: string, min: number) =>
      `「${label}」は ${min}｜文字《もじ》 以上《いじょう》 書《か》いてください`,
    email: (label: string) => `「${label}」は name@example.jp の 形《かたち》で 書《か》いてください`,
    date: (label: string) =>
      `「${label}」は ある 日《ひ》を 2000-01-31 の 形《かたち》で 書《か》いてください`,
    integer: (label: string) => `「${label}」は 数字《すうじ》で 書《か》いてください`,
    min: (label: string, min: number) =>
      `「${label}」は ${min.toLocaleString('ja-JP')}より 大《おお》きい 数《かず》か、${min.toLocaleString('ja-JP')}に してください`,
    max: (label: string, max: number) =>
      `「${label}」は ${max.toLocaleString('ja-JP')}より 小《ちい》さい 数《かず》か、${max.toLocaleString('ja-JP')}に してください`,
    tooMany: (label: string, max: number) => `「${label}」は ${max}つまで えらべます`,
    invalidChoice: (label: string) => `「${label}」は 下《した》の 中《なか》から えらんでください`,
    pattern: (label: string) => `「${label}」の 形《かたち》が 正《ただ》しくないです`,
    kana: (label: string) => `「${label}」は カタカナで 書《か》いてください`,
    phone: (label: string) =>
      `「${label}」は 数字《すうじ》と「-」で 書《か》いてください（例《れい》：03-1234-5678）`,
    postalCode: (label: string) =>
      `「${label}」は 7つの 数字《すうじ》で 書《か》いてください（例《れい》：100-8916）`,
    jobNumber: (label: string) => `「${label}」は 13010-09999999 の 形《かたち》で 書《か》いてください`,
    invalid: (label: string) => `「${label}」が 正《ただ》しくないです`,
    invalidChars: (label: string) =>
      `「${label}」に 使《つか》えない 文字《もじ》（こわれた 文字《もじ》「�」など）が あります。消《け》してから もう一度《いちど》 書《か》いてください`,
    passwordMismatch: (_label: string) => '2つの パスワードが 同《おな》じでは ありません',
  },
  top: {
    title: 'ハローワークインターネットサービス',
    lead: '仕事《しごと》を さがす 人《ひと》と、働《はたら》く 人《ひと》を さがす 会社《かいしゃ》の ための サービスです。',
    searchHeading: '仕事《しごと》を さがす',
    searchLabel:
      'ことば（仕事《しごと》の 名前《なまえ》、仕事《しごと》の 内容《ないよう》、場所《ばしょ》など）',
    searchButton: '求人を検索する（しごとを さがす）',
    jobCount: (n: number) => `いま ${n.toLocaleString('ja-JP')}｜件《けん》の 仕事《しごと》が あります。`,
    seekerHeading: '仕事《しごと》を さがす 人《ひと》',
    openMyPage: '求職者マイページ開設（パスワード登録）（マイページを つくる）',
    openMyPageNote:
      'ハローワークで 登録《とうろく》した 人《ひと》は、その メールアドレスで マイページを つくれます。',
    signupInternet:
      'ハローワークに来所せずに求職者マイページを開設する（ハローワークに 行《い》かないで マイページを つくる）',
    signupInternetNote:
      'インターネットだけで 登録《とうろく》できます。でも、使《つか》えない 機能《きのう》も あります。',
    seekerLogin: '求職者マイページにログイン（仕事《しごと》を さがす 人《ひと》の ログイン）',
    employerHeading: '会社《かいしゃ》の 人《ひと》',
    employerLogin: '求人者マイページにログイン（会社《かいしゃ》の ログイン）',
    employerOpen: '求人者マイページ開設（パスワード登録）（会社《かいしゃ》の マイページを つくる）',

    staffHeading: 'ハローワークの 職員《しょくいん》',
    staffLogin: '職員《しょくいん》ログイン',
  },
  accounts,
  codes,
  registration,
  seeker,
  staff,
  employer,
  jobs,
  search,
  notifications,
  referrals,
  applying,
  threads,
  alerts,
  information,
  history,
  opendata,
  dev: {
    mailTitle: '送《おく》った メール（開発用《かいはつよう》）',
    mailLead:
      'SMTP_URL が ありません。だから、送《おく》った メールは ここに あります。本番《ほんばん》では この 画面《がめん》は ありません。',
    mailEmpty: 'まだ メールは ありません。',
    to: 'あて先《さき》',
    subject: '件名《けんめい》',
    sentAt: '送《おく》った 日《ひ》と 時間《じかん》',
    back: '一覧《いちらん》に 戻《もど》る',
  },
};

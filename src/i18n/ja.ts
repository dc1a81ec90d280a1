/**
 * Japanese: the default locale. Screen labels, buttons and consent sentences follow the two source
 * leaflets (../shared/seeds) word for word. This object defines the Messages type; en.ts must match it.
 */
import { formatJapaneseDate } from '../platform/dates.ts';
import { accounts } from './ja/accounts.ts';
import { alerts } from './ja/alerts.ts';
import { applying } from './ja/applying.ts';
import { codes } from './ja/codes.ts';
import { employer } from './ja/employer.ts';
import { history } from './ja/history.ts';
import { information } from './ja/information.ts';
import { jobs } from './ja/jobs.ts';
import { notifications } from './ja/notifications.ts';
import { opendata } from './ja/opendata.ts';
import { referrals } from './ja/referrals.ts';
import { registration } from './ja/registration.ts';
import { search } from './ja/search.ts';
import { seeker } from './ja/seeker.ts';
import { staff } from './ja/staff.ts';
import { threads } from './ja/threads.ts';
import type { Locale } from './locales.ts';

export const ja = {
  locale: { code: 'ja' as Locale, name: '日本語', switchTo: 'English', htmlLang: 'ja' },
  site: {
    name: 'ハローワークインターネットサービス',
    seekerPortal: '求職者マイページ',
    employerPortal: '求人者マイページ',
    staffPortal: 'ハローワーク職員画面',
    skipToContent: '本文へ移動',
    footer: 'ハローワークインターネットサービス（オープン実装）',
    breadcrumb: 'パンくずリスト',
    mainNav: 'メインメニュー',
    languageNav: '表示言語',
    /** The meta description of pages that have none of their own, per portal. */
    description: {
      public:
        'ハローワークに申し込まれた求人を、職種・勤務地・賃金などの条件で検索できます。求職者マイページからオンラインで応募できます。',
      seeker:
        '求職者マイページ：求人検索、ハローワークからの紹介と応募、応募状況、メッセージを確認できます。',
      employer: '求人者マイページ：求人の管理、応募者の確認、選考結果の登録、応募者とのメッセージ。',
      staff: 'ハローワーク職員画面：求職者と事業所の登録、職業相談、紹介、情報提供。',
    },
    /** The meta description of a 求人票 page: what a search engine shows under its title. */
    jobDescription: (title: string, company: string, place: string) =>
      `${title}｜${company}｜就業場所：${place}。ハローワークの求人です。`,
  },
  nav: {
    home: 'ホーム',
    search: '求人検索',
    activity: '求職活動状況',
    messages: 'メッセージ',
    settings: '求職者情報・設定',
    login: 'ログイン',
    logout: 'ログアウト',
    employerHome: '求人者マイページ',
    employerJobs: '求人一覧',
    employerApplications: '応募者管理',
    employerMessages: 'メッセージ',
    staffHome: '職員トップ',
    staffSeekers: '求職者',
    staffEmployers: '事業所',
    staffJobs: '求人',
  },
  common: {
    charsLeft: '残り{n}文字',
    charsOver: '{n}文字超えています',
    /** The first option of a select that may be left unchosen. */
    notChosen: '選択しない',
    next: '次へ進む',
    back: '戻る',
    cancel: 'キャンセル',
    save: '保存する',
    complete: '完了',
    search: '検索',
    required: '必須',
    optional: '任意',
    none: 'なし',
    yes: 'あり',
    no: 'なし',
    notRequired: '不問',
    yen: (n: number) => `${n.toLocaleString('ja-JP')}円`,
    yenRange: (min: number, max: number) =>
      min === max
        ? `${min.toLocaleString('ja-JP')}円`
        : `${min.toLocaleString('ja-JP')}円～${max.toLocaleString('ja-JP')}円`,
    people: (n: number) => `${n}名`,
    persons: (n: number) => `${n.toLocaleString('ja-JP')}人`,
    days: (n: number) => `${n}日`,
    minutes: (n: number) => `${n}分`,
    hours: (n: number) => `${n}時間`,
    count: (n: number) => `${n.toLocaleString('ja-JP')}件`,
    date: formatJapaneseDate,
    choiceNumber: (n: number) => `第${n}希望`,
    /** Punctuation the pages put between parts (an English page uses its own, issue 14). */
    colon: '：',
    list: '、',
    dotList: '・',
    paren: (text: string) => `（${text}）`,
  },
  errors: {
    summaryTitle: '入力内容に誤りがあります',
    notFoundTitle: 'ページが見つかりません',
    notFoundBody:
      'お探しのページは見つかりませんでした。URLに誤りがないか、またはページが移動・削除されていないかご確認ください。',
    serverErrorTitle: '現在このページを表示できません',
    serverErrorBody:
      'システムで問題が発生しました。時間をおいて、もう一度お試しください。入力した内容は保存されていない可能性があります。',
    requestId: (id: string) => `お問い合わせの際は、次の受付番号をお伝えください：${id}`,
    forbiddenTitle: 'このページを表示する権限がありません',
    forbiddenBody: 'ログインしているアカウントでは、このページを利用できません。',
    csrfTitle: '画面の有効期限が切れました',
    csrfBody:
      '安全のため、この操作を受け付けませんでした。前の画面に戻り、ページを再読み込みしてからもう一度操作してください。',
    rateLimitedTitle: 'しばらく時間をおいてください',
    rateLimitedBody:
      '短時間に多くの操作があったため、一時的に受付を停止しています。しばらくしてからもう一度お試しください。',
    tooLargeTitle: '送信されたデータが大きすぎます',
    tooLargeBody: '送信できる大きさを超えています。内容を減らしてもう一度お試しください。',
    unavailableTitle: 'ただいま混み合っています',
    unavailableBody: 'しばらくしてからもう一度お試しください。',
    databaseUnavailableTitle: 'ただいまご利用いただけません',
    databaseUnavailableBody:
      'システムの切り替えのため、一時的にご利用いただけません。入力した内容が失われないよう、少し時間をおいてから同じ操作をもう一度お試しください。',
    badRequestTitle: '受け付けられない操作です',
    badRequestBody: '入力内容または操作の手順に誤りがあります。前の画面に戻ってやり直してください。',
    backToTop: 'トップページへ戻る',
  },
  validation: {
    required: (label: string) => `${label}を入力してください`,
    requiredSelect: (label: string) => `${label}を選択してください`,
    requiredCheck: (label: string) => `${label}にチェックしてください`,
    tooLong: (label: string, max: number) => `${label}は${max}文字以内で入力してください`,
    tooShort: (label: string, min: number) => `${label}は${min}文字以上で入力してください`,
    email: (label: string) => `${label}は name@example.jp の形式で入力してください`,
    date: (label: string) => `${label}は実在する日付を 2000-01-31 の形式で入力してください`,
    integer: (label: string) => `${label}は半角または全角の数字で入力してください`,
    min: (label: string, min: number) => `${label}は${min.toLocaleString('ja-JP')}以上で入力してください`,
    max: (label: string, max: number) => `${label}は${max.toLocaleString('ja-JP')}以下で入力してください`,
    tooMany: (label: string, max: number) => `${label}は${max}つまで選択できます`,
    invalidChoice: (label: string) => `${label}の選択肢から選んでください`,
    pattern: (label: string) => `${label}の形式が正しくありません`,
    kana: (label: string) => `${label}はカタカナで入力してください`,
    phone: (label: string) => `${label}は数字とハイフンで入力してください（例：03-1234-5678）`,
    postalCode: (label: string) => `${label}は7桁の数字で入力してください（例：100-8916）`,
    jobNumber: (label: string) => `${label}は 13010-09999999 の形式で入力してください`,
    invalid: (label: string) => `${label}の内容が正しくありません`,
    invalidChars: (label: string) =>
      `${label}に使用できない文字（制御文字や壊れた文字「�」）が含まれています。削除してから入力し直してください`,
    passwordMismatch: (_label: string) => 'パスワード（確認用）がパスワードと一致しません',
  },
  top: {
    title: 'ハローワークインターネットサービス',
    lead: '仕事をお探しの方、求人をお探しの事業所の方のためのサービスです。',
    searchHeading: '求人情報を探す',
    searchLabel: 'フリーワード（職種、仕事の内容、地域など）',
    searchButton: '求人を検索する',
    jobCount: (n: number) => `現在 ${n.toLocaleString('ja-JP')} 件の求人を公開しています。`,
    seekerHeading: '仕事をお探しの方',
    openMyPage: '求職者マイページ開設（パスワード登録）',
    openMyPageNote: 'ハローワークで求職登録をした方は、登録したメールアドレスでマイページを開設できます。',
    signupInternet: 'ハローワークに来所せずに求職者マイページを開設する',
    signupInternetNote: 'インターネット上の登録のみで開設できます。ただし一部の機能は利用できません。',
    seekerLogin: '求職者マイページにログイン',
    employerHeading: '事業主の方',
    employerLogin: '求人者マイページにログイン',
    employerOpen: '求人者マイページ開設（パスワード登録）',
    staffHeading: 'ハローワーク職員の方',
    staffLogin: '職員ログイン',
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
    mailTitle: '送信メール（開発用）',
    mailLead:
      'SMTP_URL が設定されていないため、送信メールはここに保存されています。本番環境ではこの画面は存在しません。',
    mailEmpty: 'まだメールはありません。',
    to: '宛先',
    subject: '件名',
    sentAt: '送信日時',
    back: '一覧へ戻る',
  },
};

export type Messages = typeof ja;

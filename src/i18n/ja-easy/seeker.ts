/** やさしい日本語 strings (ADR 0034): the seeker's MyPage (ホーム, 求職者情報・設定, 求職活動状況, メッセージ). */
import type { Messages } from '../ja.ts';

export const seeker: Messages['seeker'] = {
  home: {
    title: 'ホーム',
    greeting: (name: string) => `${name} さんの マイページ`,
    registration: '求職登録《きゅうしょくとうろく》',
    seekerNumber: '求職番号《きゅうしょくばんごう》',
    validUntil: '使《つか》える 期限《きげん》',
    status: 'いまの 状態《じょうたい》',
    statusActive: '使《つか》えます',
    statusInactive: '使《つか》えません（あなたが 止《と》めました）',
    statusLapsed: '期限《きげん》が 過《す》ぎました',
    internetOnly: 'インターネットだけで 登録《とうろく》',
    lapsedNote:
      '登録《とうろく》の 期限《きげん》が 過《す》ぎました。登録《とうろく》した ことや 応募《おうぼ》の 記録《きろく》は 見《み》ることが できます。仕事《しごと》さがしを 続《つづ》ける ときは、ハローワークに 相談《そうだん》してください。',
    inactiveNote:
      '求職登録《きゅうしょくとうろく》を 止《と》めています。会社《かいしゃ》に メッセージを 送《おく》れません。新《あたら》しい 紹介《しょうかい》も 受《う》けられません。「求職者情報《きゅうしょくしゃじょうほう》・設定《せってい》」で また 使《つか》えるように できます。',
    referralsTitle: 'オンラインハローワーク紹介《しょうかい》の 仕事《しごと》',
    referralsNone: 'いま、オンラインハローワーク紹介《しょうかい》の 仕事《しごと》は ありません。',
    informationTitle: 'ハローワークからの お知《し》らせ',
    informationNone: 'いま、ハローワークからの お知《し》らせは ありません。',
    unavailable: '使《つか》えません',
    unavailableReason:
      'この 機能《きのう》は、ハローワークで 求職登録《きゅうしょくとうろく》を した 人《ひと》だけが 使《つか》えます。使《つか》いたい ときは、近《ちか》くの ハローワークで 求職登録《きゅうしょくとうろく》を してください。',
    shortcutsTitle: 'よく 使《つか》う 機能《きのう》',
    toSearch: '求人を検索する（しごとを さがす）',
    toFavorites: 'お気に入り求人（好《す》きな 仕事《しごと》）',
    toSavedSearches: '保存《ほぞん》した 条件《じょうけん》',
    toSettings: 'あなたの 希望《きぼう》を 見《み》る・変《か》える',
  },
  settings: {
    title: '求職者情報・設定（あなたの じょうほう）',
    profileTitle: '登録《とうろく》した こと',
    name: '名前《なまえ》',
    nameKana: 'フリガナ',
    birthDate: '生年月日《せいねんがっぴ》',
    address: '住所《じゅうしょ》',
    phone: '電話番号《でんわばんごう》',
    email: 'メールアドレス（ログインID）',
    appliedOn: '登録《とうろく》した 日《ひ》',
    profileNote:
      '名前《なまえ》や 住所《じゅうしょ》を 変《か》える ときは、ハローワークの 窓口《まどぐち》に 言《い》ってください。',
    desiredTitle: 'あなたの 希望《きぼう》',
    desiredSave: '求職情報を保存する（きぼうを ほぞんする）',
    desiredSaved: 'あなたの 希望《きぼう》を 保存《ほぞん》しました。',
    statusTitle: '求職登録《きゅうしょくとうろく》を 使《つか》う／止《と》める',
    statusLead:
      '仕事《しごと》が 決《き》まった ときなどは、求職登録《きゅうしょくとうろく》を 止《と》められます。止《と》めている 間《あいだ》は、会社《かいしゃ》に メッセージを 送《おく》れません。新《あたら》しい 紹介《しょうかい》も 受《う》けられません。',
    statusLabel: '求職登録《きゅうしょくとうろく》',
    statusActive: '使《つか》う',
    statusInactive: '止《と》める',
    statusSave: '変更する（かえる）',
    statusSaved: (active: boolean): string =>
      active
        ? '求職登録《きゅうしょくとうろく》を 使《つか》えるように しました。'
        : '求職登録《きゅうしょくとうろく》を 止《と》めました。',
    statusLapsed:
      '期限《きげん》が 過《す》ぎました。マイページでは もとに 戻《もど》せません。ハローワークに 相談《そうだん》してください。',
    validityNote: (until: string) =>
      `使《つか》える 期限《きげん》：${until}（期限《きげん》の 月《つき》に 相談《そうだん》や 応募《おうぼ》を すると、1か月《げつ》 長《なが》く なります）`,
    securityTitle: 'ログインの 設定《せってい》',
    mfaLabel: 'ログインの ときの 確認《かくにん》コード',
    mfaOn: '使《つか》う（ログインの たびに、メールで コードが 来《き》ます）',
    mfaOff: '使《つか》わない',
    mfaSave: '設定する（きめる）',
    mfaSaved: (on: boolean): string =>
      on
        ? 'ログインの ときに 確認《かくにん》コードを 使《つか》います。'
        : 'ログインの ときに 確認《かくにん》コードを 使《つか》いません。',
    passwordTitle: 'パスワードを 変《か》える',
    passwordSave: 'パスワードを変更する（かえる）',
    passwordSaved: 'パスワードを 変《か》えました。',
    passwordWrong: 'いまの パスワードが 正《ただ》しくないです',
  },
  desired: {
    occupation: 'したい 仕事《しごと》',
    occupationHint: '例《れい》：介護《かいご》の 仕事《しごと》、事務《じむ》',
    occupationCodes: '仕事《しごと》の 種類《しゅるい》（3つまで）',
    prefectureCodes: '働《はたら》きたい 場所《ばしょ》（都道府県《とどうふけん》・3つまで）',
    cities: '働《はたら》きたい 場所《ばしょ》（市区町村《しくちょうそん》）',
    workStyle: '働《はたら》きたい 時間《じかん》の 形《かたち》',
    employmentTypes: '働《はたら》き方《かた》',
    wageType: '給料《きゅうりょう》の 形《かたち》',
    wageMin: 'ほしい 給料《きゅうりょう》（いちばん 少《すく》ない 額《がく》・円《えん》）',
    wageMinHint: '例《れい》：200000',
    hours: '働《はたら》きたい 時間《じかん》',
    hoursHint: '例《れい》：9:00～18:00',
    holidays: 'ほしい 休《やす》みの 日《ひ》',
    notes: 'ほかの 希望《きぼう》',
  },
  activity: {
    title: '求職活動状況（しごとさがしの ようす）',
    lead: 'いま 応募《おうぼ》している 仕事《しごと》や、前《まえ》の オンラインハローワーク紹介《しょうかい》の 仕事《しごと》を 見《み》ることが できます。',
    applicationsTitle: '応募《おうぼ》している 仕事《しごと》',
    referralsTitle: '前《まえ》の オンラインハローワーク紹介《しょうかい》の 仕事《しごと》',
    referralsLead:
      '応募《おうぼ》の 期限《きげん》が 過《す》ぎた 仕事《しごと》、なくなった 仕事《しごと》、応募《おうぼ》した 仕事《しごと》、ことわった 仕事《しごと》の 記録《きろく》です。仕事《しごと》の 名前《なまえ》を 押《お》すと、内容《ないよう》を 見《み》ることが できます。',
    referralsNone: '前《まえ》の オンラインハローワーク紹介《しょうかい》の 仕事《しごと》は ありません。',
    referralsCount: (n: number) => `ぜんぶで ${n}｜件《けん》`,
    referralsAll: (n: number) =>
      `前《まえ》の 紹介《しょうかい》の 仕事《しごと》を ぜんぶ 見《み》る（${n}｜件《けん》）`,
    referralsCaption:
      '前《まえ》の オンラインハローワーク紹介《しょうかい》の 仕事《しごと》（新《あたら》しい 順《じゅん》）',
    columns: {
      sentOn: '送《おく》った 日《ひ》',
      jobNumber: '求人番号《きゅうじんばんごう》',
      title: '仕事《しごと》',
      applyBy: '応募《おうぼ》の 期限《きげん》',
      state: 'いまの 状態《じょうたい》',
    },
    pagination: '前《まえ》の 仕事《しごと》の ページ',
    prev: '前《まえ》へ',
    next: '次《つぎ》へ',
    pageN: (n: number) => `${n}ページ目《め》`,
    backToActivity: '求職活動状況《きゅうしょくかつどうじょうきょう》に 戻《もど》る',
  },
  messages: {
    title: 'メッセージ',
    none: 'メッセージは ありません。',
    navCount: (n: number) => `（${n}）`,
    navUnreadHidden: (n: number) => `まだ 読《よ》んでいない メッセージ ${n}｜件《けん》`,
    fromHelloWork: 'ハローワークから',
    fromEmployer: '会社《かいしゃ》から',
    unread: 'まだ 読《よ》んでいない',
    read: '読《よ》んだ',
    receivedAt: '来《き》た 日《ひ》と 時間《じかん》',
    sender: '送《おく》った 人《ひと》',
    summary: (total: number, unread: number) =>
      `ぜんぶで ${total}｜件《けん》（まだ 読《よ》んでいない メッセージ ${unread}｜件《けん》）`,
    caption: 'メッセージの 一覧《いちらん》（新《あたら》しい 順《じゅん》）',
    subject: '件名《けんめい》',
    status: '状態《じょうたい》',
    backToList: 'メッセージの 一覧《いちらん》に 戻《もど》る',
    pagination: 'メッセージの ページ',
    prev: '前《まえ》へ',
    next: '次《つぎ》へ',
    pageN: (n: number) => `${n}ページ目《め》`,
    jobNumber: '求人番号《きゅうじんばんごう》',
    applyBy: '応募《おうぼ》の 期限《きげん》',
    details: 'くわしく 見《み》る',
    referralLead: (n: number) =>
      `ハローワークから、オンラインハローワーク紹介《しょうかい》の 仕事《しごと》を 送《おく》りました（${n}｜件《けん》）。`,
    informationLead: (n: number) =>
      `ハローワークから、仕事《しごと》の 情報《じょうほう》を 送《おく》りました（${n}｜件《けん》）。`,
    jobsSummary: (n: number, titles: string) => `仕事《しごと》 ${n}｜件《けん》：${titles}`,
    referralAfter:
      '「応募《おうぼ》の 期限《きげん》」が 過《す》ぎると、マイページに 出《で》なく なります。応募《おうぼ》も できなく なります。',
    registeredLead: (name: string) =>
      `${name} さんの 求職登録《きゅうしょくとうろく》が 終《お》わりました。`,
    seekerNumber: '求職番号《きゅうしょくばんごう》',
    validUntil: '使《つか》える 期限《きげん》',
    expiringLead: (name: string, validUntil: string) =>
      `${name} さんの 求職登録《きゅうしょくとうろく》の 期限《きげん》は ${validUntil}です。ハローワークの サービスを 続《つづ》けて 使《つか》う ときは、期限《きげん》までに ハローワークで 相談《そうだん》などを してください。`,
    withheldLead: (jobNumber: string, title: string, fileName: string, unreadable = false) =>
      unreadable
        ? `求人番号《きゅうじんばんごう》 ${jobNumber}「${title}」への 応募《おうぼ》の 書類《しょるい》「${fileName}」を 読《よ》むことが できませんでした。だから、この 書類《しょるい》は 会社《かいしゃ》に 送《おく》れませんでした。`
        : `求人番号《きゅうじんばんごう》 ${jobNumber}「${title}」への 応募《おうぼ》の 書類《しょるい》「${fileName}」に ウイルスが ある かもしれません。だから、この 書類《しょるい》は 会社《かいしゃ》に 送《おく》れませんでした。`,
    withheldAdvice:
      '応募《おうぼ》は 有効《ゆうこう》です。会社《かいしゃ》に メッセージか 電話《でんわ》で 連絡《れんらく》してください。ほかの 方法《ほうほう》で 書類《しょるい》を 送《おく》ってください。',
    otherLead: 'この メッセージの 内容《ないよう》は メールで 送《おく》りました。',
    liveArrived: 'ハローワークから 新《あたら》しい メッセージが 来《き》ました。',
    decidedLead: (employer: string, jobNumber: string, title: string) =>
      `${employer}から、求人番号《きゅうじんばんごう》 ${jobNumber}「${title}」への 応募《おうぼ》の 結果《けっか》が 来《き》ました。`,
  },
};

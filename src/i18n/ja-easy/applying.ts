/**
 * Japanese strings: applying (SPEC AP-1..AP-8, AL, EM-1, EM-2). Labels, notes and buttons follow
 * seed 001 「2 志望動機の入力方法や注意点」 and 「3 応募した求人の紹介状などの確認」 word for word.
 */
import type {
  ApplicationState,
  CancelReason,
  DocumentEraseCause,
  DocumentKind,
  ScanState,
} from '../../domain/vocabulary.ts';
import type { ApplyRefusal } from '../../modules/applications/application.rules.ts';
import type { CancelRefusal } from '../../modules/applications/cancel.rules.ts';
import type { ResultRefusal } from '../../modules/applications/result.rules.ts';
import { DEFAULT_RETENTION_MONTHS } from '../../modules/applications/retention.rules.ts';
import { formatJapaneseDate } from '../../platform/dates.ts';
import type { Messages } from '../ja.ts';
import { mailSignature } from './notifications.ts';

/** DR-1 in easy words: 「翌々月末」 is said as 「2か月後の 月末」 (N months after the close). */
const retentionPeriod = (months: number) => `${months}か｜月《げつ》 後《あと》の 月末《げつまつ》`;

/** The apply form's note on erasure, with the configured period, in short sentences. */
const retentionFormNote = (months: number) =>
  `書類《しょるい》は、次《つぎ》の ときに、あなたと 会社《かいしゃ》の マイページから 消《け》えます。応募《おうぼ》を やめた とき。会社《かいしゃ》が 結果《けっか》を 決《き》めた とき。求人《きゅうじん》が 終《お》わって、${retentionPeriod(months)}に なった とき`;

export const applying: Messages['applying'] = {
  directButton: 'オンライン自主応募（インターネットで 応募《おうぼ》する）',
  directButtonNote:
    'ハローワークを 通《とお》さないで、直接《ちょくせつ》 応募《おうぼ》します（オンライン自主応募《じしゅおうぼ》）。紹介状《しょうかいじょう》は ありません。応募《おうぼ》の 記録《きろく》や 結果《けっか》は「求職活動状況《きゅうしょくかつどうじょうきょう》」で 見《み》ることが できます。',
  directLoginNote: 'オンライン自主応募《じしゅおうぼ》を する ときは、マイページに ログインしてください。',
  form: {
    titleReferral: 'オンラインハローワーク紹介《しょうかい》の 仕事《しごと》に 応募《おうぼ》する',
    titleDirect: 'オンライン自主応募（インターネットで 応募《おうぼ》する）',
    lead: '志望動機《しぼうどうき》、備考《びこう》、書類《しょるい》に ついて 気《き》を つける ことは 下《した》の とおりです。',
    target: '応募《おうぼ》する 仕事《しごと》',
    motivation:
      '志望動機（全角600文字以内）（この 仕事《しごと》を したい 理由《りゆう》・600文字《もじ》まで）',
    motivationHint: 'かならず 書《か》いてください',
    remarks: '備考欄（全角600文字以内）（ほかに 伝《つた》えたい こと・600文字《もじ》まで）',
    remarksHint:
      '家族《かぞく》の ことや、体《からだ》で 気《き》を つけて ほしい ことなど、会社《かいしゃ》に 伝《つた》えたい ことが あれば 書《か》いてください。書《か》かなくても よいです',
    documents:
      '履歴書、職務経歴書、ジョブ・カード、その他の応募書類のアップロード（書類《しょるい》を 送《おく》る）',
    documentsLead:
      'あなたが つくった 履歴書《りれきしょ》、職務経歴書《しょくむけいれきしょ》、ジョブ・カードなどの 書類《しょるい》を アップロードして、会社《かいしゃ》に 送《おく》れます',
    documentNotes: [
      'アップロードできる 書類《しょるい》（ファイル）は 4つまでです。1つの ファイルは 2MBまでです',
      'アップロードできる ファイルは、.doc、.docx、.xls、.xlsx、.pdf、.jpg、.jpeg、.png、.bmp、.gifです。ほかの ファイルは アップロードできません',
      'ファイルにはパスワードをかけないでください',
      'ウイルスが あるかもしれない 書類《しょるい》は 送《おく》れません。応募《おうぼ》は できて います。その ときは メッセージで 知《し》らせます。メッセージや 電話《でんわ》で 会社《かいしゃ》に 連絡《れんらく》して、ほかの 方法《ほうほう》で 送《おく》ってください',
      // Index 4 states the configured DOCUMENT_RETENTION_MONTHS (messagesFor in src/i18n/index.ts).
      retentionFormNote(DEFAULT_RETENTION_MONTHS),
    ],
    noMypageDocuments:
      'この 会社《かいしゃ》には、マイページから 書類《しょるい》を 送《おく》れません。会社《かいしゃ》が 決《き》めた 方法《ほうほう》で 送《おく》ってください。',
    documentMethodsLabel: '書類《しょるい》の 送《おく》り方《かた》',
    keptFiles: 'アップロードした 書類《しょるい》',
    noKeptFiles: 'まだ 書類《しょるい》は アップロードして いません。',
    fileRow: (n: number) => `書類《しょるい》 ${n}`,
    kind: '書類《しょるい》の 種類《しゅるい》',
    kindPlaceholder: 'えらんでください',
    file: 'ファイル',
    upload: 'アップロード',
    remove: '削除（けす）',
    addRow: 'ファイルを 足《た》す',
    removeRow: 'この 欄《らん》を 消《け》す',
    roomLeft: (n: number) => `あと ${n}つ アップロードできます。`,
    full: '書類《しょるい》は 4つまでです。ほかの 書類《しょるい》に 変《か》える ときは、先《さき》に どれかを 消《け》してください。',
    consent:
      '上記の情報が、求人者による選考に利用されることに同意します。（やさしく 言《い》うと：上《うえ》の 情報《じょうほう》を 会社《かいしゃ》が 見《み》て 決《き》めます。それで いいです。）',
    consentLegend: '同意事項（いいですか）',
    next: '次へ進む（つぎへ すすむ）',
    cancel: 'キャンセル（やめる）',
    counter: (n: number, max: number) => `${n} / ${max}｜文字《もじ》`,
  },
  confirm: {
    titleReferral:
      'オンラインハローワーク紹介対象求人応募内容確認画面（応募《おうぼ》の 内容《ないよう》を 見《み》る）',
    titleDirect: 'オンライン自主応募内容確認画面（応募《おうぼ》の 内容《ないよう》を 見《み》る）',
    lead: '内容《ないよう》を 見《み》て、「応募」を 押《お》してください。押《お》すと、会社《かいしゃ》に あなたの 応募《おうぼ》が 知《し》らされます。',
    referralNote:
      '応募《おうぼ》すると、ハローワークの 紹介《しょうかい》に なります。会社《かいしゃ》に あなたの 応募《おうぼ》が 知《し》らされます。あなたと 会社《かいしゃ》の マイページに 紹介状《しょうかいじょう》が できます。',
    submit: '応募（おうぼする）',
    back: '入力画面に 戻《もど》る',
    noDocuments: '送《おく》る 書類《しょるい》は ありません。',
  },
  done: {
    title: '応募《おうぼ》しました',
    body: '会社《かいしゃ》に あなたの 応募《おうぼ》を 知《し》らせました。応募《おうぼ》の 内容《ないよう》は「求職活動状況《きゅうしょくかつどうじょうきょう》」＞「応募中求人一覧《おうぼちゅうきゅうじんいちらん》」で 見《み》ることが できます。',
    letterIssued: '紹介状《しょうかいじょう》が できました。',
  },
  refusal: {
    target_closed:
      'この 仕事《しごと》には 応募《おうぼ》できません。応募《おうぼ》の 期限《きげん》が 過《す》ぎたか、会社《かいしゃ》が 求人《きゅうじん》を やめました。オンラインハローワーク紹介《しょうかい》では なくなりました。',
    job_closed:
      'この 仕事《しごと》には 応募《おうぼ》できません。求人《きゅうじん》が 終《お》わったか、期限《きげん》が 過《す》ぎました。',
    not_accepting: 'この 仕事《しごと》は インターネットでは 応募《おうぼ》できません。',
    employer_unreachable:
      'この 会社《かいしゃ》は マイページを 使《つか》って いません。だから、インターネットでは 応募《おうぼ》できません。',
    registration_inactive:
      'あなたの 求職登録《きゅうしょくとうろく》は 使《つか》えません。期限《きげん》が 過《す》ぎたかもしれません。だから、応募《おうぼ》できません。「求職者情報《きゅうしょくしゃじょうほう》・設定《せってい》」を 見《み》てください。ハローワークに 相談《そうだん》することも できます。',
    already_applied:
      'この 仕事《しごと》には もう 応募《おうぼ》しています。内容《ないよう》は「応募中求人一覧《おうぼちゅうきゅうじんいちらん》」で 見《み》ることが できます。',
    no_draft:
      '書《か》いた 内容《ないよう》が 見《み》つかりませんでした。もう一度《いちど》 書《か》いてください。',
  } as Record<ApplyRefusal | 'no_draft', string>,
  /** AP-2, AP-3: why a file or the whole form was refused (codes of src/modules/documents). */
  upload: {
    empty: 'ファイルの 中《なか》に 何《なに》も ありません。',
    too_large: '1つの ファイルは 2MBまでです。',
    not_allowed:
      'アップロードできる ファイルは、.doc、.docx、.xls、.xlsx、.pdf、.jpg、.jpeg、.png、.bmp、.gifです。',
    type_mismatch:
      'ファイルの 中身《なかみ》と ファイルの 名前《なまえ》の 最後《さいご》（.pdfなど）が 合《あ》いません。正《ただ》しい ファイルを えらんでください。',
    encrypted:
      'パスワードが ある ファイルは アップロードできません。パスワードを 外《はず》してから アップロードしてください。',
    corrupt: 'ファイルが 壊《こわ》れて います。または、読《よ》めない ファイルです。',
    zip_bomb: 'ファイルの 中身《なかみ》を 確《たし》かめられません。だから、アップロードできません。',
    polyglot: 'ファイルの 中《なか》に ちがう データが あります。だから、アップロードできません。',
    too_many_pixels: '画像《がぞう》が 大《おお》きすぎます。だから、アップロードできません。',
    too_many: 'アップロードできる 書類《しょるい》（ファイル）は 4つまでです。',
    kind_required: '書類《しょるい》の 種類《しゅるい》を えらんでください。',
    unexpected_file: 'この ファイルは 受《う》け付《つ》けられません。',
    body_too_large:
      '送《おく》った 内容《ないよう》が 大《おお》きすぎました。ファイルを 受《う》け付《つ》けられませんでした。書《か》いた 内容《ないよう》を 見《み》て、ファイルを もう一度《いちど》 えらんでください。',
    truncated:
      '送《おく》って いる 途中《とちゅう》で 切《き》れました。ファイルを 受《う》け付《つ》けられませんでした。もう一度《いちど》 ファイルを えらんでください。',
    malformed:
      '送《おく》った 内容《ないよう》を 読《よ》めませんでした。もう一度《いちど》 やってください。',
    too_many_fields:
      '送《おく》った 内容《ないよう》を 読《よ》めませんでした。もう一度《いちど》 やってください。',
    fields_too_large: '書《か》いた 内容《ないよう》が 長《なが》すぎます。',
    field_too_long: '書《か》いた 内容《ないよう》が 長《なが》すぎます。',
  },
  refusalTitle: '応募《おうぼ》できません',
  errors: {
    consent: '「同意事項」を 読《よ》んで、チェックを 入《い》れてください。',
  },
  kind: {
    resume: '履歴書《りれきしょ》',
    work_history: '職務経歴書《しょくむけいれきしょ》',
    job_card: 'ジョブ・カード',
    other: 'その他（そのほか）',
  } as Record<DocumentKind, string>,
  scan: {
    pending: '確認中《かくにんちゅう》（いま 調《しら》べて います）',
    clean: '確認済《かくにんず》み（調《しら》べました）',
    withheld: '送《おく》れません（ウイルスが あるかもしれない）',
  } as Record<ScanState, string>,
  /** A withheld document whose stored bytes could not be read back (not a virus finding). */
  withheldUnreadable: '送《おく》れません（ファイルが 読《よ》めません）',
  scanUnavailableNote:
    'いま ウイルスの チェックが できません。だから、書類《しょるい》は「確認中《かくにんちゅう》」の ままです。チェックが 終《お》わるまで、会社《かいしゃ》には 届《とど》きません。',
  scanPendingNote:
    'ウイルスの チェックが 終《お》わるまで、会社《かいしゃ》には「確認中《かくにんちゅう》」と 出《で》ます。書類《しょるい》は まだ 届《とど》きません。',
  state: {
    applied: '応募《おうぼ》している',
    cancelled: '取《と》り消《け》した',
    hired: '採用《さいよう》（決《き》まった）',
    not_hired: '不採用《ふさいよう》（決《き》まらなかった）',
  } as Record<ApplicationState, string>,
  route: {
    referral: 'オンラインハローワーク紹介《しょうかい》',
    direct: 'オンライン自主応募《じしゅおうぼ》',
  },

  list: {
    title: '応募中求人一覧（おうぼ している しごと）',
    lead: '応募《おうぼ》した 仕事《しごと》の 内容《ないよう》、紹介状《しょうかいじょう》、応募《おうぼ》の 内容《ないよう》を 見《み》ることが できます。前《まえ》の 応募《おうぼ》も 出《で》ます。',
    empty: 'まだ 応募《おうぼ》した 仕事《しごと》は ありません。',
    caption: '応募《おうぼ》した 仕事《しごと》（新《あたら》しい 順《じゅん》）',
    appliedAt: '応募《おうぼ》した 日《ひ》と 時間《じかん》',
    route: '応募《おうぼ》の 方法《ほうほう》',
    state: '状態《じょうたい》',
    letterNumber: '紹介状《しょうかいじょう》の 番号《ばんごう》',
  },
  functions: {
    newMessage: '新規メッセージを作成（メッセージを 書《か》く）',
    jobNow: '求人内容の詳細（仕事《しごと》の 内容《ないよう》）',
    snapshot: '紹介・応募時の求人票（応募《おうぼ》した ときの 求人票《きゅうじんひょう》）',
    content: '応募内容（応募《おうぼ》した こと）',
    cancel: '応募を取消（応募《おうぼ》を やめる）',
    cancelNote:
      '応募《おうぼ》してから 24時間《じかん》の 間《あいだ》は、応募《おうぼ》を 取《と》り消《け》せます。',
    cancelClosed:
      '応募《おうぼ》してから 24時間《じかん》が 過《す》ぎました。マイページでは 取《と》り消《け》せません。メッセージや 電話《でんわ》で、かならず 会社《かいしゃ》に 連絡《れんらく》してください。',
    cancelOpen: (until: string) => `${until}まで、応募《おうぼ》を 取《と》り消《け》せます。`,
    letter: '紹介状（本人控え）（あなたの ぶん）',
    results: '紹介状・選考結果通知（結果《けっか》の お知《し》らせ）',
    noLetter: 'オンライン自主応募《じしゅおうぼ》なので、紹介状《しょうかいじょう》は ありません。',
  },
  detail: {
    title: '応募内容（応募《おうぼ》した こと）',
    motivation: '志望動機（この 仕事《しごと》を したい 理由《りゆう》）',
    remarks: '備考（ほかに 伝《つた》えたい こと）',
    documents: '応募書類（送《おく》った 書類《しょるい》）',
    noDocuments: 'なし',
    documentsElsewhere:
      '書類《しょるい》は、会社《かいしゃ》が 決《き》めた 方法《ほうほう》で 送《おく》ってください。',
    fileSize: (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('ja-JP')} KB`,
  },
  snapshot: {
    title: '紹介・応募時の求人票（応募《おうぼ》した ときの 求人票《きゅうじんひょう》）',
    lead: (at: string) => `${at}に ｜応募《おうぼ》した ときの 求人票《きゅうじんひょう》です。`,
    changed: '応募《おうぼ》の あとで 変《か》わった ところ',
    noChanges: '応募《おうぼ》の あとで 変《か》わった ところは ありません。',
    current: '今《いま》',
  },

  letter: {
    lang: 'ja-JP',
    seekerKana: 'フリガナ',
    officeAddress: '所在地《しょざいち》',
    officePhone: '電話番号《でんわばんごう》',

    addressee: (employer: string) => `${employer}　御中`,
    seekerCopyNote:
      'これは あなたの ための 紹介状《しょうかいじょう》です。会社《かいしゃ》の マイページにも 同《おな》じ 紹介状《しょうかいじょう》が あります。',
    formatDate: formatJapaneseDate,
    title: '紹介状《しょうかいじょう》',
    seekerCopy: '紹介状（本人控え）（あなたの ぶん）',
    pdf: 'PDFで 見《み》る',
    print: '印刷《いんさつ》する',
    number: '紹介状番号（番号《ばんごう》）',
    issuedOn: '交付年月日（出《だ》した 日《ひ》）',
    seeker: '紹介者氏名（名前《なまえ》）',
    seekerNumber: '求職番号《きゅうしょくばんごう》',
    jobNumber: '求人番号《きゅうじんばんごう》',
    employer: '事業所名（会社《かいしゃ》の 名前《なまえ》）',
    employerAddress: '事業所所在地（会社《かいしゃ》の 住所《じゅうしょ》）',
    occupation: '職種（仕事《しごと》）',
    selection: '選考方法（選《えら》び方《かた》）',
    office: '紹介安定所（ハローワーク）',
    sentence:
      '下記の者を紹介します。ご選考の上、選考結果をお知らせください。（やさしく 言《い》うと：この 人《ひと》を 紹介《しょうかい》します。選《えら》んで、結果《けっか》を 知《し》らせてください。）',
  },
  /** 応募の取り消し (CX-1..CX-3), seed 001 「4 応募の取り消し方法と注意点」 word for word. */
  cancel: {
    title: '求人応募取り消し画面（応募《おうぼ》を やめる）',
    confirmTitle: '求人応募取り消し確認画面（やめる 内容《ないよう》を 見《み》る）',
    lead: '応募後24時間以内であれば、求職者マイページから応募を取り消すことができます。（やさしく 言《い》うと：応募《おうぼ》してから 24時間《じかん》の 間《あいだ》は、マイページで 応募《おうぼ》を やめられます。）',
    cautionTitle: 'ご注意ください！（気《き》を つけてください）',
    caution:
      '応募を取りやめる場合は、必ず求人者に応募を辞退する旨を伝えてください。（やさしく 言《い》うと：応募《おうぼ》を やめる ときは、かならず 会社《かいしゃ》に 言《い》ってください。）',
    afterWindow:
      '24時間を過ぎると、求職者マイページから応募を取り消すことはできませんので、メッセージや電話などで必ず求人者に直接連絡をしてください。（やさしく 言《い》うと：24時間《じかん》が 過《す》ぎると、マイページでは やめられません。メッセージや 電話《でんわ》で、かならず 会社《かいしゃ》に 連絡《れんらく》してください。）',
    deadline: (at: string) => `やめられる 期限《きげん》：${at}`,
    target: 'やめる 応募《おうぼ》',
    reason: '応募取り消し理由（やめる 理由《りゆう》）',
    reasonHint: 'やめる 理由《りゆう》を えらんでください',
    note: '備考欄（全角300文字以内）（ほかに 伝《つた》えたい こと・300文字《もじ》まで）',
    noteHint:
      '「その｜他《ほか》」を えらんだ ときは、備考欄《びこうらん》に 理由《りゆう》を 書《か》いてください（300文字《もじ》まで）',
    consent:
      '応募取り消しの通知は応募取り消し理由とともに求人者に通知されます。求人者に提出した応募書類は、求職者マイページ及び応募先の求人者マイページから消去されます。（やさしく 言《い》うと：やめた ことと 理由《りゆう》は 会社《かいしゃ》に 知《し》らされます。出《だ》した 書類《しょるい》は、あなたと 会社《かいしゃ》の マイページから 消《け》されます。）',
    consentLegend: '注意文（気《き》を つける こと）',
    next: '次へ進む（つぎへ すすむ）',
    back: '入力画面に戻る（もどる）',
    toList: 'キャンセル（やめない）',
    confirmLead:
      '内容《ないよう》を 見《み》て、「完了」を 押《お》してください。押《お》すと、会社《かいしゃ》に 応募《おうぼ》を やめた ことが 知《し》らされます。',
    complete: '完了（おわり）',
    doneTitle: '応募《おうぼ》を やめました',
    done: '会社《かいしゃ》に、応募《おうぼ》を やめた ことと 理由《りゆう》を 知《し》らせました。出《だ》した 書類《しょるい》は、あなたと 会社《かいしゃ》の マイページから 消《け》しました。',
    reasons: {
      found_job: 'ほかの 仕事《しごと》に 決《き》まった',
      rechecked_conditions: '応募《おうぼ》の 条件《じょうけん》を もう一度《いちど》 見《み》た',
      family: '家族《かぞく》の こと',
      health: '体《からだ》の こと',
      other: 'その他（そのほか）',
    } as Record<CancelReason, string>,
    errors: {
      reason_missing: 'やめる 理由《りゆう》を えらんでください',
      note_missing:
        '「その｜他《ほか》」を えらんだ ときは、備考欄《びこうらん》に 理由《りゆう》を 書《か》いてください',
      note_too_long: '備考欄《びこうらん》は 300文字《もじ》までです',
      no_consent: '注意文《ちゅういぶん》を 読《よ》んで、チェックを 入《い》れてください',
    },
    refusalTitle: '応募《おうぼ》を やめることは できません',
    refusal: {
      window_closed:
        '応募《おうぼ》してから 24時間《じかん》が 過《す》ぎました。マイページでは やめられません。メッセージや 電話《でんわ》で、かならず 会社《かいしゃ》に 連絡《れんらく》してください。',
      decided: '会社《かいしゃ》が もう 結果《けっか》を 決《き》めました。だから、やめられません。',
      invalid:
        '書《か》いた 内容《ないよう》が わかりませんでした。もう一度《いちど》 書《か》いてください。',
    } as Record<CancelRefusal | 'invalid', string>,
    cancelledAt: 'やめた 日《ひ》と 時間《じかん》',
    cancelledReason: 'やめた 理由《りゆう》',
    cancelledNote: '備考《びこう》（ほかに 伝《つた》えた こと）',
  },
  /** 選考結果 (EM-3) in 求人者マイページ, and the seeker's 紹介状・選考結果通知. */
  result: {
    title: '選考結果の登録',
    lead: '選考結果を登録すると、ハローワークから求職者に選考結果通知が届きます。提出された応募書類は、この時点で求人者マイページ及び求職者マイページから削除されます。',
    result: '選考結果（結果《けっか》）',
    results: {
      hired: '採用《さいよう》（決《き》まった）',
      not_hired: '不採用《ふさいよう》（決《き》まらなかった）',
    } as Record<'hired' | 'not_hired', string>,
    conditions: '求人票の労働条件と採用条件の相違',
    conditionsValues: { yes: 'あり', no: 'なし' } as Record<'yes' | 'no', string>,
    conditionsNote: '相違の内容（全角300文字以内）',
    conditionsNoteHint: '「あり」を選択した場合は、求人票の労働条件と異なる点を入力してください',
    submit: '登録する',
    done: '選考結果を登録しました。求職者に選考結果通知を送りました。',
    errors: {
      result_missing: '選考結果を選択してください',
      conditions_missing: '求人票の労働条件と採用条件の相違を選択してください',
      note_missing: '相違が「あり」の場合は、相違の内容を入力してください',
      note_too_long: '相違の内容は全角300文字以内で入力してください',
    },
    refusalTitle: '選考結果は登録できません',
    refusal: {
      cancelled: 'この応募は求職者により取り消されたため、選考結果は登録できません。',
      decided: 'この応募の選考結果は登録済みです。',
      invalid: '入力内容を確認できませんでした。お手数ですが、もう一度入力してください。',
    } as Record<Exclude<ResultRefusal, 'retention_ended'> | 'invalid', string>,
    /** EM-3 after the retention end of DR-1: the page says why. */
    retentionEnded: (period: string) =>
      `求人無効後${period}が経過し、応募書類の保存期間が終了したため、選考結果は登録できません。`,
    decidedAt: '結果《けっか》が 決《き》まった 日《ひ》と 時間《じかん》',
    conditionsNoteShort: '違《ちが》う ところ',
    /** The seeker's page 紹介状・選考結果通知 (AL). */
    noticeTitle: '紹介状・選考結果通知（結果《けっか》の お知《し》らせ）',
    letterSection: '紹介状《しょうかいじょう》',
    noticeSection: '選考結果通知（結果《けっか》の お知《し》らせ）',
    noLetter: 'オンライン自主応募《じしゅおうぼ》なので、紹介状《しょうかいじょう》は ありません。',
    pending:
      '結果《けっか》は まだ 来《き》て いません。結果《けっか》が 来《き》たら、メッセージと メールで 知《し》らせます。',
    cancelledNotice: 'この 応募《おうぼ》は やめました。',
    noticeLead: (employer: string) => `${employer}から、結果《けっか》が 来《き》ました。`,
  },
  /** DR-1, DR-2: the date each application's documents are (or were) erased. */
  retention: {
    period: retentionPeriod,
    formNote: retentionFormNote,
    label: '書類《しょるい》を 消《け》す 日《ひ》',
    erasedLabel: '書類《しょるい》を 消《け》した 日《ひ》',
    erased: (at: string, cause: string) => `${at}に ｜消《け》しました（${cause}）`,
    causes: {
      cancelled: '応募《おうぼ》を やめたから',
      decided: '結果《けっか》が 決《き》まったから',
      retention: '残《のこ》す 期間《きかん》が 終《お》わったから',
    } as Record<DocumentEraseCause, string>,
    scheduled: (on: string, period: string) =>
      `${on}に ｜消《け》します。求人《きゅうじん》が 終《お》わって、${period}に なったら 消《け》します。応募《おうぼ》を やめたときや、結果《けっか》が 決《き》まったときは、その ときに 消《け》します。`,
    afterClose: (period: string) =>
      `求人《きゅうじん》が 終《お》わって、${period}に なったら 消《け》します。応募《おうぼ》を やめたときや、結果《けっか》が 決《き》まったときは、その ときに 消《け》します。`,
    erasedDocuments: '書類《しょるい》は 消《け》しました。',
  },
  /** Staff: the seeker's applications on the staff seeker page (EM-3, ST-2). */
  staff: {
    title: '応募状況',
    lead: 'オンラインハローワーク紹介とオンライン自主応募の状況、選考結果です。',
    caption: '応募（新しい順）',
    none: 'まだ応募はありません。',
    appliedAt: '応募日時',
    jobNumber: '求人番号',
    occupation: '職種',
    employer: '事業所名',
    route: '応募方法',
    state: '状況',
    result: '選考結果',
    conditions: '労働条件の相違',
    documents: '応募書類',
    resultOn: (state: string, at: string) => `${state}（${at}）`,
    byOtherMeans: '求職者マイページ以外（郵送など）',
  },
  employer: {
    navTitle: '応募者管理',
    title: '応募者管理',
    lead: '自社の求人への応募を新しい順に表示します。',
    empty: 'まだ応募はありません。',
    caption: '応募（新しい順）',
    allJobs: 'すべての求人',
    filterJob: '求人で絞り込む',
    filter: '表示',
    applicant: '応募者',
    appliedAt: '応募日時',
    documents: '応募書類',
    documentsCount: (n: number) => `${n}点`,
    download: 'ダウンロード',
    withheld: 'ウイルスの疑いがあるため送付されませんでした',
    withheldUnreadable: 'ファイルを読み取れなくなったため送付されませんでした',
    pending: 'ウイルスチェック中のため、まだダウンロードできません',
    applicantFields: {
      name: '氏名',
      kana: 'フリガナ',
      birthDate: '生年月日',
      phone: '電話番号',
      address: '住所',
    },
    jobApplications: (n: number) => `この求人への応募（${n}件）`,
    notices: '新着のお知らせ',
    noNotices: '新着のお知らせはありません。',
  },
  /** The reply promise (ADR 0023): 回答予定日 from the 求人票's 選考結果通知, its reminder and the staff list. */
  reply: {
    label: '回答予定日（結果《けっか》が 来《く》る 予定《よてい》の 日《ひ》）',
    hint: '求人票《きゅうじんひょう》に 書《か》いて ある 日数《にっすう》で 計算《けいさん》しました。結果《けっか》が 来《く》る 予定《よてい》の 日《ひ》です。',
    /** The seeker, once the date has passed without a result. */
    seekerOverdue:
      '予定《よてい》の 日《ひ》が 過《す》ぎました。でも、結果《けっか》は まだ 来《き》て いません。ハローワークが 会社《かいしゃ》に 聞《き》いて います。',

    /** The employer: text, not colour only. */
    employerOverdue: (days: number) => `回答予定日を${days}日過ぎています。選考結果を登録してください。`,
    overdueShort: (days: number) => `${days}日超過`,
    none: '―',
    notice: (dueOn: string) => `（回答予定日：${dueOn}）`,
    mail: {
      subject: '【ハローワーク】回答予定日を過ぎた応募があります',
      body: (p: {
        applicationId: string;
        jobNumber: string;
        title: string;
        dueOn: string;
        baseUrl: string;
      }) =>
        `求人番号 ${p.jobNumber}「${p.title}」への応募について、回答予定日（${p.dueOn}）を過ぎましたが、選考結果がまだ登録されていません。\n\n応募者には、求人票の「選考結果通知」の日数をもとに回答予定日をお知らせしています。求人者マイページの「応募者管理」から選考結果を登録してください。選考に時間がかかる場合は、応募者にその旨をご連絡ください。\n${p.baseUrl}/employer/applications/${p.applicationId}${mailSignature(p.baseUrl)}`,
    },
    staff: {
      title: '回答予定日を過ぎた応募',
      lead: '管轄の求職者の応募のうち、回答予定日を過ぎても選考結果が登録されていないものです（回答予定日の新しい順）。',
      caption: '回答予定日を過ぎた応募（回答予定日の新しい順）',
      empty: '回答予定日を過ぎた応募はありません。',
      appliedAt: '応募日',
      job: '求人番号・職種',
      employer: '事業所名',
      seeker: '求職者',
      dueOn: '回答予定日',
      daysOverdue: '超過日数',
      remindedAt: '求人者への通知',
      days: (n: number) => `${n}日`,
      notReminded: '未送信',
      noLogin: '未送信（求人者マイページのログインなし）',
    },
  },
};

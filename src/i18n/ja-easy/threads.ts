/** やさしい日本語 strings (ADR 0034): an application's thread between the seeker and the employer, and interview slots (ADR 0023). */

import type { OfferState, ThreadEntryKind } from '../../domain/vocabulary.ts';
import type { SlotProblem } from '../../modules/threads/interview.rules.ts';
import type { Messages } from '../ja.ts';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** 2026年12月10日（木）10:00 (Asia/Tokyo). */
export function tokyoSlotJa(at: Date): string {
  const d = new Date(at.getTime() + TOKYO_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${WEEKDAYS[d.getUTCDay()]}）${hh}:${mm}`;
}

export const threads: Messages['threads'] = {
  title: 'メッセージ',
  lead: {
    seeker:
      '応募《おうぼ》した 会社《かいしゃ》と メッセージを 送《おく》りあえます。面接《めんせつ》の 日《ひ》も ここで 決《き》めます。',
    employer: '応募者とメッセージをやりとりできます。面接日程の候補を提案することもできます。',
  },
  liveArrived: {
    seeker: '会社《かいしゃ》から 新《あたら》しい メッセージが 来《き》ました。',
    employer: '応募者から新しいメッセージが届きました。',
    employerNotice: '新しいお知らせが届きました。',
  },
  history: 'メッセージの 記録《きろく》',
  none: 'まだ メッセージは ありません。',
  you: 'あなた',
  fromEmployer: (name: string) => `${name}（会社《かいしゃ》）`,
  fromSeeker: (name: string) => `${name}（応募者）`,
  unread: 'まだ 読《よ》んでいない',
  back: '応募《おうぼ》の 内容《ないよう》に 戻《もど》る',
  body: 'メッセージ',
  bodyHint: (max: number) =>
    `${max.toLocaleString('ja-JP')}｜文字《もじ》まで 書《か》けます。URLは リンクに なりません。`,
  noteHint: (max: number) =>
    `書《か》かなくても よいです。${max.toLocaleString('ja-JP')}｜文字《もじ》まで 書《か》けます。`,
  send: '送信する（おくる）',
  refusalTitle: 'メッセージを 送《おく》れません',
  refusal: {
    seeker: {
      employer_unreachable:
        'この 会社《かいしゃ》は マイページを つくって いません。だから、メッセージを 送《おく》れません。電話《でんわ》などで 連絡《れんらく》してください。',
      registration_inactive:
        '求職登録《きゅうしょくとうろく》が 止《と》まって います。だから、メッセージを 送《おく》れません。「求職者情報《きゅうしょくしゃじょうほう》・設定《せってい》」で 使《つか》えるように すると、送《おく》れます。',
      processing: (until: string) =>
        `いま 応募《おうぼ》を 受《う》け付《つ》けて います。だから、まだ メッセージを 書《か》けません。${until}より あと、書類《しょるい》の 確認《かくにん》が 終《お》わると 書《か》けます。`,
    },
    employer: {
      employer_unreachable: '求人者マイページが開設されていないため、メッセージを送ることができません。',
      registration_inactive: 'この応募者の求職登録が無効になっているため、メッセージを送ることができません。',
      processing: (until: string) =>
        `応募の処理中のため、まだメッセージを送ることができません。${until}以降、応募書類の確認が終わると送れるようになります。`,
    },
  },
  writeRefusal: {
    employer_unreachable:
      'この 会社《かいしゃ》は マイページを つくって いません。だから、送《おく》れませんでした。',
    registration_inactive:
      '求職登録《きゅうしょくとうろく》が 止《と》まって います。だから、送《おく》れませんでした。',
    processing:
      'いま 応募《おうぼ》を 受《う》け付《つ》けて います。だから、送《おく》れませんでした。少《すこ》し 待《ま》って、もう一度《いちど》 やってください。',
    offer_closed:
      'この 面接《めんせつ》の 日《ひ》の 候補《こうほ》は、もう 終《お》わりました。新《あたら》しい 内容《ないよう》を 見《み》てください。',
    slot_past:
      'えらんだ 日《ひ》と 時間《じかん》は もう 過《す》ぎました。または、すぐ 前《まえ》なので 予約《よやく》できません。',
    already_booked: 'えらんだ 日《ひ》と 時間《じかん》は もう 予約《よやく》されて います。',
    not_offered:
      'この 面接《めんせつ》の 日《ひ》の 候補《こうほ》が 見《み》つかりませんでした。新《あたら》しい 内容《ないよう》を 見《み》てください。',
    not_cancellable:
      'この 面接《めんせつ》は キャンセルできません。予約《よやく》して いないか、始《はじ》まる 時間《じかん》が 過《す》ぎました。',
    invalid: '書《か》いた 内容《ないよう》を 見《み》てください。',
  },
  errors: {
    bodyMissing: 'メッセージを 書《か》いてください。',
    bodyTooLong: (max: number) => `${max.toLocaleString('ja-JP')}｜文字《もじ》までで 書《か》いてください。`,
  },
  entry: {
    text: 'メッセージ',
    slots_offered: '面接《めんせつ》の 日《ひ》の 候補《こうほ》',
    slot_booked: '面接《めんせつ》の 日《ひ》の 予約《よやく》',
    slots_declined: 'ほかの 日《ひ》の 希望《きぼう》',
    booking_cancelled: '面接《めんせつ》の キャンセル',
  } satisfies Record<ThreadEntryKind, string>,
  done: {
    text: 'メッセージを 送《おく》りました。',
    slots_offered: '面接日程の候補を送りました。',
    slot_booked:
      '面接《めんせつ》の 日《ひ》を 予約《よやく》しました。カレンダーに 入《い》れる ファイル（.ics）を ダウンロードできます。',
    slots_declined: 'ほかの 日《ひ》の 希望《きぼう》を 送《おく》りました。',
    booking_cancelled: '面接《めんせつ》を キャンセルしました。相手《あいて》に 知《し》らせました。',
  } satisfies Record<ThreadEntryKind, string>,
  /** In the seeker's inbox and the employer's notices: what arrived. */
  notice: {
    text: (from: string) => `${from}から メッセージが 来《き》ました`,
    slots_offered: (from: string) =>
      `${from}から 面接《めんせつ》の 日《ひ》の 候補《こうほ》が 来《き》ました`,
    slot_booked: (from: string) => `${from}が 面接《めんせつ》の 日《ひ》を 予約《よやく》しました`,
    slots_declined: (from: string) => `${from}から ほかの 日《ひ》の 希望《きぼう》が 来《き》ました`,
    booking_cancelled: (from: string) => `${from}が 面接《めんせつ》を キャンセルしました`,
  } satisfies Record<ThreadEntryKind, (from: string) => string>,
  /** The booking's own confirmation, in the booker's inbox. */
  confirmed: '面接《めんせつ》の 日《ひ》の 予約《よやく》を 受《う》け付《つ》けました',
  applicant: '応募者',
  open: 'メッセージを 開《ひら》く',
  unreadCount: (n: number) => `まだ 読《よ》んでいない メッセージ ${n}｜件《けん》`,
  interview: {
    title: '面接《めんせつ》の 日《ひ》',
    none: '面接《めんせつ》の 日《ひ》の 候補《こうほ》は まだ 来《き》て いません。',
    noneEmployer: '面接日程の候補はまだ提案していません。',
    when: tokyoSlotJa,
    slotsCount: (n: number) => `${n}｜件《けん》`,
    stateLabel: '状態《じょうたい》',
    state: {
      open: '返事《へんじ》を 待《ま》って います',
      booked: '予約《よやく》しました',
      declined: 'ほかの 日《ひ》を 希望《きぼう》',
      cancelled: 'キャンセル',
      superseded: '変《か》わったので 取《と》り消《け》し',
    } satisfies Record<OfferState, string>,
    bookedAt: '面接《めんせつ》の 日《ひ》と 時間《じかん》',
    mode: '面接《めんせつ》の 方法《ほうほう》',
    modes: { in_person: '会《あ》って 話《はな》す', online: 'オンライン' },
    place: '場所《ばしょ》・参加《さんか》の 方法《ほうほう》',
    duration: 'かかる 時間《じかん》',
    minutes: (n: number) => `${n}｜分《ふん》`,
    slotsTitle: '候補《こうほ》の 日《ひ》と 時間《じかん》',
    pickLegend: '面接《めんせつ》を したい 日《ひ》と 時間《じかん》',
    changeLegend: '新《あたら》しい 面接《めんせつ》の 日《ひ》と 時間《じかん》',
    book: 'この 日《ひ》と 時間《じかん》で 予約《よやく》する',
    rebook: 'この 日《ひ》と 時間《じかん》に 変《か》える',
    note: 'メッセージ',
    decline: 'ほかの 日《ひ》を 希望《きぼう》する',
    declineNote: '希望《きぼう》の 日《ひ》と 時間《じかん》など',
    cancel: '面接《めんせつ》を キャンセルする',
    cancelNote: 'キャンセルの 理由《りゆう》など',
    ics: 'カレンダーに 入《い》れる（.icsファイル）',
    icsCancelled: 'キャンセルを カレンダーに 入《い》れる（.icsファイル）',
    calendarSummary: (title: string, counterpart: string) => `面接《めんせつ》：${title}（${counterpart}）`,
    calendarDescription: (p: {
      jobNumber: string;
      title: string;
      mode: string;
      place: string;
      url: string;
    }) =>
      `求人番号《きゅうじんばんごう》 ${p.jobNumber}「${p.title}」の 面接《めんせつ》\n面接《めんせつ》の 方法《ほうほう》：${p.mode}\n場所《ばしょ》・参加《さんか》の 方法《ほうほう》：${p.place}\nメッセージ：${p.url}`,

    offer: {
      title: '面接日程の候補を提案する',
      changeTitle: '面接日程を変更する（新しい候補を提案）',
      lead: '候補の日時を1〜5件入力してください。応募者が1つを選んで予約するか、別の日程を希望します。',
      supersedes:
        '新しい候補を送ると、いまの候補（予約済みの場合はその予約）は取り消され、応募者に通知されます。',
      place: '面接場所またはオンライン面接の参加方法',
      placeHint: (max: number) => `住所、または会議のURLや参加方法（${max}文字以内）。`,
      choose: '選択してください',
      slots: '候補の日時',
      slotsHint: (max: number) => `1〜${max}件。日本時間で入力してください。使わない行は空欄のままにします。`,
      date: (n: number) => `候補${n}の日付`,
      time: (n: number) => `候補${n}の開始時刻`,
      note: 'メッセージ',
      submit: '候補を送る',
    },
    errors: {
      mode: '面接方法を選択してください。',
      placeMissing: '面接場所または参加方法を入力してください。',
      placeTooLong: (max: number) => `${max}文字以内で入力してください。`,
      duration: '所要時間を選択してください。',
      slotsNone: '候補の日時を1件以上入力してください。',
      slotsTooMany: (max: number) => `候補は${max}件までです。`,
      slotMissing: '面接《めんせつ》の 日《ひ》と 時間《じかん》を えらんでください。',

      slot: {
        invalid: (n: number) => `候補${n}の日付と開始時刻を正しく入力してください。`,
        past: (n: number) => `候補${n}は、いまから1時間以上先の日時を入力してください。`,
        too_far: (n: number) => `候補${n}は、半年以内の日時を入力してください。`,
        duplicate: (n: number) => `候補${n}は、ほかの候補と同じ日時です。`,
      } satisfies Record<SlotProblem, (n: number) => string>,
    },
  },
  inbox: {
    title: 'メッセージ',
    lead: '応募者とのメッセージを、新しいやりとりの順に表示します。',
    filterJob: '求人',
    allJobs: 'すべての求人',
    filter: '表示する',
    caption: '応募者とのメッセージ一覧',
    applicant: '応募者',
    job: '求人',
    lastAt: '最終更新',
    entries: '件数',
    unread: '未読',
    none: 'メッセージはまだありません。',
    jobThreads: (n: number) => `この求人のメッセージ（${n}件）`,
    navCount: (n: number) => `（${n}）`,
    navUnreadHidden: (n: number) => `未読${n}件`,
  },
};

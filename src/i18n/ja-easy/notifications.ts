/** やさしい日本語 strings (ADR 0034): notifications — what staff see of the mails sent to a person (ADR 0013). */

import type { DeliveryStatus } from '../../db/schema/notifications.ts';
import type { ThreadEntryKind } from '../../domain/vocabulary.ts';
import type { NotificationKind } from '../../modules/notifications/kinds.ts';
import type { Messages } from '../ja.ts';

const signature = (baseUrl: string) =>
  `\n\n──────────────────\nハローワークインターネットサービス\n${baseUrl}\n※この メールに 返事《へんじ》は できません。`;

export const notifications: Messages['notifications'] = {
  kind: {
    'account.open_key':
      'パスワード登録申込受付通知（認証キー）（パスワードを 登録《とうろく》する ための キー）',
    'account.already_open': 'マイページは もう あります',
    'account.signup_key': 'マイページを つくる ための 認証《にんしょう》キー',
    'account.office_registered': '窓口《まどぐち》で もう 登録《とうろく》して います',
    'account.login_code': 'ログインの ための コード',
    'account.lock_notice': 'しばらく ログインできません',
    'account.reset_key': 'パスワードを 新《あたら》しく する ための キー',
    'account.password_changed': 'パスワードが 変《か》わりました',
    'seeker.registered': '求職登録《きゅうしょくとうろく》が できました',
    'seeker.registered_at_office': '求職登録《きゅうしょくとうろく》が できました（窓口《まどぐち》）',
    'seeker.registration_expiring': '求職登録《きゅうしょくとうろく》の 期限《きげん》の お知《し》らせ',
    'employer.invitation': '求人者マイページ開設のご案内',
    'referral.sent': 'オンラインハローワーク紹介《しょうかい》の 仕事《しごと》の お知《し》らせ',
    'information.jobs': 'ハローワークからの 仕事《しごと》の 情報《じょうほう》',
    'notice.sent': 'ハローワークからの お知《し》らせ',
    'application.received': '新しい応募がありました',
    'document.withheld': '書類《しょるい》を 送《おく》れませんでした',
    'application.cancelled': '応募が取り消されました',
    'application.decided': '選考結果通知（結果《けっか》の お知《し》らせ）',
    'application.message': '応募《おうぼ》した 会社《かいしゃ》との メッセージ',
    'application.reply_overdue': '回答予定日を過ぎた応募があります',
    'search.new_jobs': '新《あたら》しい 仕事《しごと》の お知《し》らせ',
  } as Record<NotificationKind, string>,
  mail: {
    threadSubject: {
      text: (fromEmployer: boolean): string =>
        fromEmployer
          ? '【ハローワーク】会社《かいしゃ》から メッセージが 来《き》ました'
          : '【ハローワーク】応募者からメッセージが届きました',
      slots_offered: (): string =>
        '【ハローワーク】面接《めんせつ》の 日《ひ》の 候補《こうほ》が 来《き》ました',
      slot_booked: (): string => '【ハローワーク】面接《めんせつ》の 日《ひ》が 予約《よやく》されました',
      slots_declined: (): string =>
        '【ハローワーク】ほかの 面接《めんせつ》の 日《ひ》の 希望《きぼう》が 来《き》ました',
      booking_cancelled: (): string => '【ハローワーク】面接《めんせつ》が キャンセルに なりました',
    } satisfies Record<ThreadEntryKind, (fromEmployer: boolean) => string>,
    threadBody: (p: {
      from: string;
      what: string;
      jobNumber: string;
      title: string;
      when: string | undefined;
      portal: string;
      url: string;
      baseUrl: string;
    }) =>
      `${p.from}から、求人番号《きゅうじんばんごう》 ${p.jobNumber}「${p.title}」の 応募《おうぼ》の ことで ${p.what}。\n${p.when ? `面接《めんせつ》の 日《ひ》と 時間《じかん》：${p.when}\n` : ''}\n内容《ないよう》は ${p.portal}の「メッセージ」で 見《み》てください（この メールには 内容《ないよう》を 書《か》いていません）。\n${p.url}${signature(p.baseUrl)}`,
    threadConfirmSubject:
      '【ハローワーク】面接《めんせつ》の 日《ひ》の 予約《よやく》を 受《う》け付《つ》けました',
    threadConfirmWhat: '面接《めんせつ》の 日《ひ》を 予約《よやく》しました',

    threadWhat: {
      text: 'メッセージが 来《き》ました',
      slots_offered: '面接《めんせつ》の 日《ひ》の 候補《こうほ》が 来《き》ました',
      slot_booked: '面接《めんせつ》の 日《ひ》が 決《き》まりました',
      slots_declined: 'ほかの 面接《めんせつ》の 日《ひ》の 希望《きぼう》が 来《き》ました',
      booking_cancelled: '面接《めんせつ》が キャンセルに なりました',
    } satisfies Record<ThreadEntryKind, string>,
    applicationCancelledSubject: '【ハローワーク】求人への応募が取り消されました',
    applicationCancelledBody: (p: {
      applicationId: string;
      jobNumber: string;
      title: string;
      reason: string;
      note: string;
      baseUrl: string;
    }) =>
      `求人番号 ${p.jobNumber}「${p.title}」への応募が、求職者により取り消されました。\n\n応募取り消し理由：${p.reason}${p.note ? `\n備考：${p.note}` : ''}\n\n提出された応募書類は、求人者マイページ及び求職者マイページから消去されました。\n求人者マイページの「応募者管理」で確認できます。\n${p.baseUrl}/employer/applications/${p.applicationId}${signature(p.baseUrl)}`,
    applicationDecidedSubject: '【ハローワーク】選考結果通知（結果《けっか》の お知《し》らせ）',
    applicationDecidedBody: (p: {
      applicationId: string;
      jobNumber: string;
      title: string;
      employerName: string;
      result: string;
      baseUrl: string;
    }) =>
      `${p.employerName}から、求人番号《きゅうじんばんごう》 ${p.jobNumber}「${p.title}」への 応募《おうぼ》の 結果《けっか》が 来《き》ました。\n\n結果《けっか》：${p.result}\n\nマイページの「求職活動状況《きゅうしょくかつどうじょうきょう》」＞「応募中求人一覧《おうぼちゅうきゅうじんいちらん》」の「紹介状《しょうかいじょう》・選考結果通知《せんこうけっかつうち》」で 見《み》ることが できます。\n${p.baseUrl}/mypage/applications/${p.applicationId}/results${signature(p.baseUrl)}`,
    applicationReceivedSubject: '【ハローワーク】求人への応募がありました',
    applicationReceivedBody: (p: {
      applicationId: string;
      jobNumber: string;
      title: string;
      route: 'referral' | 'direct';
      baseUrl: string;
    }) =>
      `求人番号 ${p.jobNumber}「${p.title}」に${p.route === 'referral' ? 'オンラインハローワーク紹介による' : 'オンライン自主応募による'}応募がありました。\n\n求人者マイページにログインし、「応募者管理」から応募内容をご確認ください。\n${p.baseUrl}/employer/applications/${p.applicationId}${signature(p.baseUrl)}`,
    documentWithheldSubject: '【ハローワーク】応募《おうぼ》の 書類《しょるい》を 送《おく》れませんでした',
    documentWithheldBody: (p: {
      applicationId: string;
      fileName: string;
      jobNumber: string;
      title: string;
      reason?: 'suspect' | 'unreadable';
      baseUrl: string;
    }) =>
      `求人番号《きゅうじんばんごう》 ${p.jobNumber}「${p.title}」への 応募《おうぼ》の 書類《しょるい》「${p.fileName}」${p.reason === 'unreadable' ? 'を 読《よ》むことが できませんでした' : 'に ウイルスが ある かもしれません'}。だから、この 書類《しょるい》は 会社《かいしゃ》に 送《おく》れませんでした。\n\n応募《おうぼ》は 有効《ゆうこう》です。会社《かいしゃ》に メッセージか 電話《でんわ》で 連絡《れんらく》してください。ほかの 方法《ほうほう》で 送《おく》ってください。\n\nマイページの「求職活動状況《きゅうしょくかつどうじょうきょう》」＞「応募中求人一覧《おうぼちゅうきゅうじんいちらん》」で 見《み》ることが できます。\n${p.baseUrl}/mypage/applications/${p.applicationId}${signature(p.baseUrl)}`,
    informationSubject: '【ハローワーク】仕事《しごと》の 情報《じょうほう》が あります',
    informationBody: (p: { name: string; jobs: { jobNumber: string; title: string }[]; baseUrl: string }) =>
      `${p.name} さん\n\nハローワークから、仕事《しごと》の 情報《じょうほう》を 送《おく》りました（${p.jobs.length}｜件《けん》）。\n\n${p.jobs
        .map((j) => `・求人番号《きゅうじんばんごう》 ${j.jobNumber}　${j.title}`)
        .join(
          '\n',
        )}\n\nマイページに ログインしてください。「メッセージ」か ホームの「ハローワークからの お知《し》らせ」で 仕事《しごと》の 内容《ないよう》を 見《み》てください。\n${p.baseUrl}/login${signature(p.baseUrl)}`,
    noticeSubject: (title: string) => `【ハローワーク】${title}`,
    noticeBody: (p: { name: string; title: string; body: string; baseUrl: string }) =>
      `${p.name} さん\n\nハローワークから お知《し》らせが あります。\n\n■ ${p.title}\n\n${p.body}\n\nマイページの「メッセージ」でも 見《み》ることが できます。\n${p.baseUrl}/login${signature(p.baseUrl)}`,
    referralSentSubject:
      '【ハローワーク】オンラインハローワーク紹介《しょうかい》の 仕事《しごと》が あります',
    referralSentBody: (p: {
      name: string;
      jobs: { jobNumber: string; title: string; applyBy: string }[];
      baseUrl: string;
    }) =>
      `${p.name} さん\n\nハローワークから、オンラインハローワーク紹介《しょうかい》の 仕事《しごと》を 送《おく》りました（${p.jobs.length}｜件《けん》）。\n\n${p.jobs
        .map(
          (j) =>
            `・求人番号《きゅうじんばんごう》 ${j.jobNumber}　${j.title}\n　応募《おうぼ》の 期限《きげん》：${j.applyBy}`,
        )
        .join(
          '\n',
        )}\n\nマイページに ログインしてください。ホームの「オンラインハローワーク紹介《しょうかい》の 仕事《しごと》」で 内容《ないよう》を 見《み》てください。\n${p.baseUrl}/login\n\n「応募《おうぼ》の 期限《きげん》」が 過《す》ぎると、マイページに 出《で》なく なります。応募《おうぼ》も できなく なります。\n期限《きげん》の 前《まえ》でも、仕事《しごと》が なくなって 応募《おうぼ》できなく なる ことが あります。${signature(p.baseUrl)}`,
  },
  status: { queued: '送信待ち', sent: '送信済み', failed: '送信失敗' } as Record<DeliveryStatus, string>,
  deliveries: {
    title: 'メールの送信状況',
    lead: 'この求職者に送ったメールの直近の状況です（「メールが届かない」お問い合わせの確認用）。',
    empty: 'メールの送信記録はありません。',
    caption: '送信したメール（新しい順）',
    columns: {
      kind: '種類',
      status: '状況',
      queuedAt: '受付日時',
      sentAt: '送信日時',
      attempts: '試行回数',
      error: '失敗の理由',
    },
  },
};

/** The mail signature, for mail texts kept beside their feature's strings (e.g. applying.reply). */
export { signature as mailSignature };

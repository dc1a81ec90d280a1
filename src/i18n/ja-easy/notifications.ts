/** やさしい日本語 strings (ADR 0034): notifications — what staff see of the mails sent to a person (ADR 0013). */

import type { DeliveryStatus } from '../../db/schema/notifications.ts';
import type { ThreadEntryKind } from '../../domain/vocabulary.ts';
import type { NotificationKind } from '../../modules/notifications/kinds.ts';
import type { Messages } from '../ja.ts';

const signature = (baseUrl: string) =>
  `\n\n──────────────────\nハローワークインターネットサービス\n${baseUrl}\n※このメールは送信専用です。返信はできません。`;

export const notifications: Messages['notifications'] = {
  kind: {
    'account.open_key': 'パスワード登録申込受付通知（認証キー）',
    'account.already_open': 'マイページ開設済みのお知らせ',
    'account.signup_key': 'マイページ開設の認証キー',
    'account.office_registered': '窓口登録済みのお知らせ',
    'account.login_code': 'ログイン認証コード',
    'account.lock_notice': 'ログイン制限のお知らせ',
    'account.reset_key': 'パスワード再設定の認証キー',
    'account.password_changed': 'パスワード変更のお知らせ',
    'seeker.registered': '求職登録完了のお知らせ',
    'seeker.registered_at_office': '求職登録完了のお知らせ（窓口）',
    'seeker.registration_expiring': '求職登録の有効期限のお知らせ',
    'employer.invitation': '求人者マイページ開設のご案内',
    'referral.sent': 'オンラインハローワーク紹介対象求人のお知らせ',
    'information.jobs': 'ハローワークからの求人情報',
    'notice.sent': 'ハローワークからのお知らせ',
    'application.received': '新しい応募がありました',
    'document.withheld': '応募書類を送ることができませんでした',
    'application.cancelled': '応募が取り消されました',
    'application.decided': '選考結果通知',
    'application.message': '応募先とのメッセージ',
    'application.reply_overdue': '回答予定日を過ぎた応募があります',
    'search.new_jobs': '新着求人のお知らせ',
  } as Record<NotificationKind, string>,
  mail: {
    threadSubject: {
      text: (fromEmployer: boolean): string =>
        fromEmployer
          ? '【ハローワーク】求人者からメッセージが届きました'
          : '【ハローワーク】応募者からメッセージが届きました',
      slots_offered: (): string => '【ハローワーク】面接日程の候補が届きました',
      slot_booked: (): string => '【ハローワーク】面接日程が予約されました',
      slots_declined: (): string => '【ハローワーク】別の面接日程の希望が届きました',
      booking_cancelled: (): string => '【ハローワーク】面接がキャンセルされました',
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
      `${p.from}から、求人番号 ${p.jobNumber}「${p.title}」の応募について${p.what}。\n${p.when ? `面接日時：${p.when}\n` : ''}\n内容は${p.portal}の「メッセージ」で確認できます（このメールには内容を記載していません）。\n${p.url}${signature(p.baseUrl)}`,
    threadConfirmSubject: '【ハローワーク】面接日程の予約を受け付けました',
    threadConfirmWhat: '面接日程を予約しました',
    threadWhat: {
      text: 'メッセージが届きました',
      slots_offered: '面接日程の候補が届きました',
      slot_booked: '面接日程が予約されました',
      slots_declined: '別の面接日程の希望が届きました',
      booking_cancelled: '面接がキャンセルされました',
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
    applicationDecidedSubject: '【ハローワーク】選考結果通知',
    applicationDecidedBody: (p: {
      applicationId: string;
      jobNumber: string;
      title: string;
      employerName: string;
      result: string;
      baseUrl: string;
    }) =>
      `${p.employerName}から、求人番号 ${p.jobNumber}「${p.title}」への応募の選考結果が登録されました。\n\n選考結果：${p.result}\n\n求職者マイページの「求職活動状況」＞「応募中求人一覧」の「紹介状・選考結果通知」で確認できます。\n${p.baseUrl}/mypage/applications/${p.applicationId}/results${signature(p.baseUrl)}`,
    applicationReceivedSubject: '【ハローワーク】求人への応募がありました',
    applicationReceivedBody: (p: {
      applicationId: string;
      jobNumber: string;
      title: string;
      route: 'referral' | 'direct';
      baseUrl: string;
    }) =>
      `求人番号 ${p.jobNumber}「${p.title}」に${p.route === 'referral' ? 'オンラインハローワーク紹介による' : 'オンライン自主応募による'}応募がありました。\n\n求人者マイページにログインし、「応募者管理」から応募内容をご確認ください。\n${p.baseUrl}/employer/applications/${p.applicationId}${signature(p.baseUrl)}`,
    documentWithheldSubject: '【ハローワーク】応募書類を送ることができませんでした',
    documentWithheldBody: (p: {
      applicationId: string;
      fileName: string;
      jobNumber: string;
      title: string;
      reason?: 'suspect' | 'unreadable';
      baseUrl: string;
    }) =>
      `求人番号 ${p.jobNumber}「${p.title}」への応募で、応募書類「${p.fileName}」${p.reason === 'unreadable' ? 'をシステム内で読み取れなくなった' : 'にウイルスの疑いがあった'}ため、この書類は求人者に送ることができませんでした。\n\n応募自体は有効です。求人者にメッセージや電話で連絡をとり、別の方法でお送りください。\n\n求職者マイページの「求職活動状況」＞「応募中求人一覧」で応募内容をご確認いただけます。\n${p.baseUrl}/mypage/applications/${p.applicationId}${signature(p.baseUrl)}`,
    informationSubject: '【ハローワーク】ハローワークからの求人情報のお知らせ',
    informationBody: (p: { name: string; jobs: { jobNumber: string; title: string }[]; baseUrl: string }) =>
      `${p.name} 様\n\nハローワークから、求人情報をお送りしました（${p.jobs.length}件）。\n\n${p.jobs
        .map((j) => `・求人番号 ${j.jobNumber}　${j.title}`)
        .join(
          '\n',
        )}\n\n求職者マイページにログインし、「メッセージ」またはホーム画面の「ハローワークからの求人情報」から求人の内容をご確認ください。\n${p.baseUrl}/login${signature(p.baseUrl)}`,
    noticeSubject: (title: string) => `【ハローワーク】${title}`,
    noticeBody: (p: { name: string; title: string; body: string; baseUrl: string }) =>
      `${p.name} 様\n\nハローワークからお知らせがあります。\n\n■ ${p.title}\n\n${p.body}\n\n求職者マイページの「メッセージ」でもご覧いただけます。\n${p.baseUrl}/login${signature(p.baseUrl)}`,
    referralSentSubject: '【ハローワーク】オンラインハローワーク紹介対象求人のお知らせ',
    referralSentBody: (p: {
      name: string;
      jobs: { jobNumber: string; title: string; applyBy: string }[];
      baseUrl: string;
    }) =>
      `${p.name} 様\n\nハローワークから、オンラインハローワーク紹介の対象求人をお送りしました（${p.jobs.length}件）。\n\n${p.jobs
        .map((j) => `・求人番号 ${j.jobNumber}　${j.title}\n　応募期限日：${j.applyBy}`)
        .join(
          '\n',
        )}\n\n求職者マイページにログインし、ホーム画面の「オンラインハローワーク紹介対象求人」から求人の内容をご確認ください。\n${p.baseUrl}/login\n\n「応募期限日」を過ぎると、求職者マイページに表示されなくなり、応募もできなくなります。\n応募期限日前でも、求人が取り下げられたなどの理由により応募ができなくなる場合があります。${signature(p.baseUrl)}`,
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

/** やさしい日本語 strings (ADR 0034): 情報提供 (IP-1) and お知らせ (IP-2), staff side and ホーム (ADR 0017). */

import type { InformationSeekerRefusal } from '../../modules/information/information.rules.ts';
import type { Messages } from '../ja.ts';

export const information: Messages['information'] = {
  refusal: {
    internet_only:
      'インターネットでの登録のみの求職者には送信できません（ハローワークでの求職登録が必要です）。',
    mypage_not_opened: '求職者マイページが開設されていないため送信できません。',
    registration_inactive: '求職登録が無効になっているため送信できません。',
    registration_lapsed: '求職登録の有効期限が過ぎているため送信できません。',
  } as Record<InformationSeekerRefusal, string>,
  staff: {
    title: '情報提供',
    lead: '求人を「ハローワークからの求人情報」として求職者マイページのメッセージとメールで送ります。',
    refusedTitle: 'この求職者には情報提供を送信できません',
    jobNumbers: '求人番号',
    send: '送信する',
    sent: (n: number) => `${n}件の求人情報を送信しました。`,
    repeated: 'この求人情報は既に送信済みです（二重送信はしていません）。',
    noneSent: '送信できる求人がありませんでした。',
    resultTitle: '情報提供の送信結果',
    refusedJobs: '送信できなかった求人',
    sentJobs: '送信した求人',
    historyTitle: '送信した情報提供',
    historyNone: '送信した情報提供はありません。',
    historyCaption: '送信した情報提供（新しい順）',
    columns: { sentAt: '送信日時', jobs: '求人', jobNumber: '求人番号', title: '職種', reason: '理由' },
    backToSeeker: '求職者の詳細へ戻る',
    badKey: '送信の手順に誤りがあります。求職者の詳細からもう一度送信してください。',
  },
  notice: {
    title: 'お知らせ',
    lead: 'ハローワークからのお知らせを求職者マイページのメッセージとメールで送ります。',
    refusedTitle: 'この求職者にはお知らせを送信できません',
    noticeTitle: '件名',
    body: '本文',
    titleHint: (max: number) => `${max}文字以内`,
    bodyHint: (max: number) => `${max}文字以内`,
    send: '送信する',
    sentOne: 'お知らせを送信しました。',
    repeated: 'このお知らせは既に送信済みです（二重送信はしていません）。',
    resultTitle: 'お知らせの送信結果',
    officeTitle: '所属安定所の求職者へのお知らせ',
    officeLead: (office: string) =>
      `安定所 ${office} で求職登録が有効な求職者（求職者マイページ開設済み）全員にお知らせを送ります。`,
    next: '確認画面へ進む',
    confirmTitle: 'お知らせの送信内容確認',
    recipients: (n: number) => `${n.toLocaleString('ja-JP')}人の求職者に送信します。`,
    noRecipients: '送信先の求職者がいません。',
    sentMany: (n: number) => `${n.toLocaleString('ja-JP')}人の求職者にお知らせを送信しました。`,
    back: '入力画面へ戻る',
    toStaffHome: '職員トップへ戻る',
    restart: '入力内容が確認されていないため、もう一度入力してください。',
  },
  home: {
    jobsTitle: 'ハローワークからの 仕事《しごと》の 情報《じょうほう》',
    details: 'くわしく 見《み》る',
    toMessages: 'メッセージで 見《み》る',
  },
};

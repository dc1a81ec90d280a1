/** やさしい日本語 strings (ADR 0034): 新着求人 alerts for saved conditions (ADR 0025). */

import type { AlertFrequency } from '../../modules/search/alerts.rules.ts';
import type { Messages } from '../ja.ts';

const signature = (baseUrl: string) =>
  `\n\n──────────────────\nハローワークインターネットサービス\n${baseUrl}\n※このメールは送信専用です。返信はできません。`;

export interface AlertMailJob {
  jobNumber: string;
  title: string;
  employerName: string | null;
  place: string;
  wage: string;
}

export const alerts: Messages['alerts'] = {
  kind: '新着求人のお知らせ',
  frequency: { off: '受け取らない', daily: '毎日', weekly: '毎週' } as Record<AlertFrequency, string>,
  settings: {
    label: '新着求人のお知らせメール',
    hint: 'この条件に合う新しい求人を、メールでお知らせします（最大20件）。',
    save: '設定する',
    current: (f: string) => `現在の設定：${f}`,
    saved: '新着求人のお知らせメールの設定を変更しました。',
    inactive:
      '求職登録が無効、または有効期限を過ぎているため、新着求人のお知らせメールは送られません。求職登録を有効にすると、再び送られます。',
  },
  mail: {
    subject: (searchName: string) => `【ハローワーク】新着求人のお知らせ（${searchName}）`,
    body: (p: {
      name: string;
      searchName: string;
      frequency: string;
      total: number;
      capped: boolean;
      jobs: AlertMailJob[];
      searchUrl: string;
      stopUrl: string;
      settingsUrl: string;
      baseUrl: string;
    }) =>
      `${p.name} 様\n\n保存した検索条件「${p.searchName}」に合う新着求人が${p.capped ? `${p.total - 1}件以上` : `${p.total}件`}あります（${p.frequency}のお知らせ）。${
        p.jobs.length < p.total ? `新しいものから${p.jobs.length}件をお知らせします。` : ''
      }\n\n${p.jobs
        .map(
          (j) =>
            `■ ${j.title}\n　求人番号：${j.jobNumber}\n　事業所名：${j.employerName ?? '（非公開）'}\n　就業場所：${j.place}\n　賃金：${j.wage}\n　${p.baseUrl}/jobs/${j.jobNumber}`,
        )
        .join(
          '\n\n',
        )}\n\nすべての求人は、こちらの検索結果でご覧いただけます。\n${p.searchUrl}\n\nこのお知らせの設定は、求職者マイページの「保存した検索条件」で変更できます。\n${p.settingsUrl}\n\nこのお知らせを停止する（ログイン不要）：\n${p.stopUrl}${signature(p.baseUrl)}`,
  },
  stop: {
    title: '新着求人のお知らせの停止',
    lead: (searchName: string) =>
      `保存した検索条件「${searchName}」の新着求人のお知らせメールを停止します。よろしければ「停止する」を押してください。`,
    button: '停止する',
    done: (searchName: string) =>
      `保存した検索条件「${searchName}」の新着求人のお知らせメールを停止しました。`,
    already: 'このお知らせはすでに停止されています。',
    invalidTitle: 'このリンクは使えません',
    invalid:
      'リンクが正しくないか、検索条件が削除されています。メールのリンクをもう一度お確かめいただくか、求職者マイページの「保存した検索条件」から設定を変更してください。',
    settings: '保存した検索条件へ',
  },
};

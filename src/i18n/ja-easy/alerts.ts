/** やさしい日本語 strings (ADR 0034): 新着求人 alerts for saved conditions (ADR 0025). */
import type { AlertFrequency } from '../../modules/search/alerts.rules.ts';
import type { Messages } from '../ja.ts';

const signature = (baseUrl: string) =>
  `\n\n──────────────────\nハローワークインターネットサービス\n${baseUrl}\n※この メールに 返事《へんじ》は できません。`;

export const alerts: Messages['alerts'] = {
  kind: '新《あたら》しい 仕事《しごと》の お知《し》らせ',
  frequency: {
    off: '受《う》け取《と》らない',
    daily: '毎日《まいにち》',
    weekly: '毎週《まいしゅう》',
  } as Record<AlertFrequency, string>,
  settings: {
    label: '新《あたら》しい 仕事《しごと》の お知《し》らせメール',
    hint: 'この 条件《じょうけん》に 合《あ》う 新《あたら》しい 仕事《しごと》を、メールで 知《し》らせます（20件《けん》まで）。',
    save: '設定する（きめる）',
    current: (f: string) => `いまの 設定《せってい》：${f}`,
    saved: 'お知《し》らせメールの 設定《せってい》を 変《か》えました。',
    inactive:
      '求職登録《きゅうしょくとうろく》が 止《と》まって いるか、期限《きげん》が 過《す》ぎました。だから、お知《し》らせメールは 来《き》ません。求職登録《きゅうしょくとうろく》を 使《つか》えるように すると、また 来《き》ます。',
  },
  mail: {
    subject: (searchName: string) =>
      `【ハローワーク】新《あたら》しい 仕事《しごと》の お知《し》らせ（${searchName}）`,
    body: (p: {
      name: string;
      searchName: string;
      frequency: string;
      total: number;
      capped: boolean;
      jobs: {
        jobNumber: string;
        title: string;
        employerName: string | null;
        place: string;
        wage: string;
      }[];
      searchUrl: string;
      stopUrl: string;
      settingsUrl: string;
      baseUrl: string;
    }) =>
      `${p.name} さん\n\n保存《ほぞん》した 条件《じょうけん》「${p.searchName}」に 合《あ》う 新《あたら》しい 仕事《しごと》が ${p.capped ? `${p.total - 1}｜件《けん》 以上《いじょう》` : `${p.total}｜件《けん》`} あります（${p.frequency}の お知《し》らせ）。${
        p.jobs.length < p.total
          ? `新《あたら》しい 順《じゅん》に ${p.jobs.length}｜件《けん》 知《し》らせます。`
          : ''
      }\n\n${p.jobs
        .map(
          (j) =>
            `■ ${j.title}\n　求人番号《きゅうじんばんごう》：${j.jobNumber}\n　会社《かいしゃ》：${j.employerName ?? '（見《み》せていません）'}\n　働《はたら》く 場所《ばしょ》：${j.place}\n　給料《きゅうりょう》：${j.wage}\n　${p.baseUrl}/jobs/${j.jobNumber}`,
        )
        .join(
          '\n\n',
        )}\n\nぜんぶの 仕事《しごと》は、ここで 見《み》ることが できます。\n${p.searchUrl}\n\nお知《し》らせの 設定《せってい》は、マイページの「保存《ほぞん》した 条件《じょうけん》」で 変《か》えられます。\n${p.settingsUrl}\n\nお知《し》らせを 止《と》める（ログインは いりません）：\n${p.stopUrl}${signature(p.baseUrl)}`,
  },
  stop: {
    title: 'お知《し》らせを 止《と》める',
    lead: (searchName: string) =>
      `保存《ほぞん》した 条件《じょうけん》「${searchName}」の お知《し》らせメールを 止《と》めます。よければ「停止する」を 押《お》してください。`,
    button: '停止する（とめる）',
    done: (searchName: string) =>
      `保存《ほぞん》した 条件《じょうけん》「${searchName}」の お知《し》らせメールを 止《と》めました。`,
    already: 'この お知《し》らせは もう 止《と》まって います。',
    invalidTitle: 'この リンクは 使《つか》えません',
    invalid:
      'リンクが 正《ただ》しくないか、条件《じょうけん》が 消《け》されました。メールの リンクを もう一度《いちど》 見《み》てください。マイページの「保存《ほぞん》した 条件《じょうけん》」でも 設定《せってい》を 変《か》えられます。',
    settings: '保存《ほぞん》した 条件《じょうけん》へ',
  },
};

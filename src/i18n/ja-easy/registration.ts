/** やさしい日本語 strings (ADR 0034): registration — internet-only opening and the registration wizard (MP-6, MP-10). */
import type { Messages } from '../ja.ts';

const signature = (baseUrl: string) =>
  `\n\n──────────────────\nハローワークインターネットサービス\n${baseUrl}\n※このメールは送信専用です。返信はできません。`;

export const registration: Messages['registration'] = {
  signup: {
    stepAgree: 'ステップ1：プライバシーポリシー・利用規約への同意',
    stepEmail: 'ステップ2：メールアドレスの入力',
    emailHint: 'このメールアドレスがログインIDになります',
    sentTitle: '認証キーを記載したメールを送信しました',
    sentNote:
      'しばらく経ってもメールが届かない場合は、メールアドレスが正しいかご確認ください。メール受信制限をしている方は、受信を許可してから、はじめからやり直してください。',
    toPassword: 'パスワードと認証キーの入力へ進む',
    stepPassword: 'ステップ3：パスワードと認証キーの入力',
    passwordLead:
      'パスワードと、メールに記載の認証キーを入力し、「次へ進む」ボタンをクリックしてください。続けて求職者情報を登録します。',
    authKeyHint: 'メールに記載の認証キー（メールの送信から30分以内有効）',
    restart: 'はじめからやり直す',
    officeRegistered: 'ハローワークで求職登録をした方は、こちらから求職者マイページを開設してください。',
  },
  wizard: {
    title: '求職者情報の登録',
    progress: '登録の手順',
    stepOf: (n: number, total: number) => `ステップ${n}／${total}`,
    currentStep: '（現在の手順）',
    lead: '入力途中でも「一時保存」で保存できます。保存した内容は、次回ログインしたときにこの続きから入力できます。',
    saved: '一時保存しました',
    savedNote: '次回ログインしたときも、この続きから入力できます。',
    saveDraft: '一時保存',
    back: '戻る',
    submit: '登録する',
    edit: '修正する',
    confirmLead: '入力内容を確認し、よろしければ「登録する」ボタンをクリックしてください。',
    checkNotice: '入力内容に誤りがあるため、登録できませんでした。この画面の内容を修正してください。',
    optionalStep: 'この画面の入力は任意です。入力しなくても次へ進めます。',
    notEntered: '未入力',
  },
  steps: {
    basic: '基本情報',
    info: '求職情報提供等',
    work: '希望職種・時間等',
    place: '希望勤務地・賃金',
    education: '学歴/資格',
    career: '経歴',
    disability: '障害情報',
    pr: '自己PR',
    confirm: '確認',
  },
  fields: {
    name: '氏名',
    nameKana: 'フリガナ',
    birthDate: '生年月日',
    postalCode: '郵便番号',
    address: '住所',
    phone: '電話番号',
    publishToEmployers: '求職情報の公開',
    receiveJobInformation: 'ハローワークからの求人情報の提供',
    education: '学歴',
    licenses: '免許・資格',
    career: '職歴',
    disability: '障害に関する情報',
    selfPr: '自己PR',
  },
  hints: {
    name: '例：厚労 太郎',
    nameKana: '例：コウロウ タロウ（ひらがなでも入力できます）',
    birthDate: '例：1998-04-01（西暦・半角または全角の数字）',
    postalCode: '例：100-8916（ハイフンはなくても構いません）',
    address: '例：東京都千代田区霞が関1-2-2',
    phone: '例：03-1234-5678（日中に連絡のとれる番号）',
    publishToEmployers:
      '公開すると、求人者が求職者を探すときに、氏名・住所・連絡先を除いた求職情報を見ることができます。',
    receiveJobInformation:
      'ハローワークからの求人情報の提供は、ハローワークで求職登録をした後に受けられます。',
    education: '最終学歴など（例：〇〇高等学校 普通科 2010年3月卒業）',
    licenses: '例：普通自動車第一種運転免許、日商簿記検定2級',
    career: 'これまでの勤務先、期間、仕事の内容など（例：2015年4月～2023年3月 〇〇株式会社 一般事務）',
    disability:
      '障害のある方で、仕事を探すうえで配慮を希望することなどがあれば入力してください。入力した内容は、本人の同意なく求人者に提供しません。',
    selfPr: 'あなたの強み、経験、仕事への意欲などを自由に入力してください。',
  },
  choices: {
    publish: { yes: '公開する', no: '公開しない' },
    receive: { yes: '希望する', no: '希望しない' },
  },
  problems: {
    future: '生年月日に未来の日付は入力できません',
    implausible: '生年月日を確認してください（年齢が14歳未満または110歳を超えます）',
  },
  mail: {
    officeRegisteredSubject: '求職者マイページの開設について',
    officeRegisteredBody: (p: { baseUrl: string }) =>
      `インターネットでの求職者マイページ開設の申込みがありましたが、このメールアドレスはハローワークで求職登録されています。\nトップページの「求職者マイページ開設（パスワード登録）」から、このメールアドレスと生年月日で開設手続きを行ってください。\n${p.baseUrl}/mypage/open\n\nこのメールに心当たりがない場合は、このメールを破棄してください。${signature(p.baseUrl)}`,
  },
};

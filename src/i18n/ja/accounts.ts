/** Japanese strings: accounts — opening MyPage, signing in, codes, passwords, and their mails. */
import { formatTokyoDateTime } from '../../platform/dates.ts';

const signature = (baseUrl: string) =>
  `\n\n──────────────────\nハローワークインターネットサービス\n${baseUrl}\n※このメールは送信専用です。返信はできません。`;

export const accounts = {
  fields: {
    email: 'メールアドレス',
    birthDate: '生年月日',
    password: 'パスワード',
    passwordConfirm: 'パスワード（確認用）',
    currentPassword: '現在のパスワード',
    newPassword: '新しいパスワード',
    authKey: '認証キー',
    loginCode: '認証コード',
    agree: '同意します',
    establishmentNumber: '事業所番号',
    trustDevice: 'このブラウザを30日間信頼する（次回から認証コードを省略します）',
  },
  hints: {
    birthDate: '例：1998-04-01（西暦・半角または全角の数字）',
    password: '半角の数字、英字、記号を組み合わせ、8桁以上32桁以内',
    passwordNist: '8文字以上64文字以内。推測されやすいパスワードは使えません',
    authKey: '「パスワード登録申込受付通知」メールに記載の認証キー（メール配信から30分以内有効）',
    loginCode: 'メールでお送りした6桁の数字（10分以内有効）',
    establishmentNumber: '例：1301-123456-7',
    email: 'ハローワークの窓口で登録したメールアドレス',
  },
  passwordProblems: {
    too_short: (min: number) => `パスワードは${min}桁以上で入力してください`,
    too_long: (max: number) => `パスワードは${max}桁以内で入力してください`,
    not_half_width: 'パスワードは半角の英字、数字、記号で入力してください',
    invalid_chars: 'パスワードに使用できない文字（制御文字や壊れた文字）が含まれています',
    needs_letter: 'パスワードには英字を含めてください',
    needs_digit: 'パスワードには数字を含めてください',
    needs_symbol: 'パスワードには記号（!、#、- など）を含めてください',
    common: 'このパスワードは推測されやすいため使えません。別のパスワードを入力してください',
    contains_email: 'パスワードにメールアドレスの一部を含めないでください',
  },
  code: {
    // Also the answer when no key was issued (shownKeyOutcome): it must not tell whether one was.
    wrong:
      '認証キーが正しくありません。メールに記載の認証キーを入力してください（認証キーが無効になっている場合は、はじめからやり直してください）',
    expired: '認証キーの有効期限（30分）が切れています。お手数ですが、はじめからやり直してください',
    exhausted: '認証キーの入力を5回誤ったため、この認証キーは無効になりました。はじめからやり直してください',
    missing: '認証キーが無効です。はじめからやり直してください',
    loginWrong: '認証コードが正しくありません',
    loginExpired: '認証コードの有効期限が切れています。もう一度ログインしてください',
    loginExhausted: '認証コードの入力を5回誤ったため無効になりました。もう一度ログインしてください',
  },
  terms: {
    privacyTitle: 'プライバシーポリシー',
    termsTitle: '利用規約',
    privacy: [
      '入力された個人情報は、職業紹介、求人・求職の情報提供、その他ハローワークのサービス提供のために利用します。',
      '法令に基づく場合を除き、本人の同意なく第三者に提供しません。応募した求人の事業所には、応募に必要な情報のみを提供します。',
      '個人情報は、不正アクセス、漏えい等を防ぐため適切に管理します。',
    ],
    terms: [
      '求職者マイページは、本人のみが利用できます。ID（メールアドレス）とパスワードは、第三者に知られないよう管理してください。',
      'ハローワーク内など共用のパソコンを利用した場合は、利用後に必ず「ログアウト」してください。',
      '求人への応募は、求人者による選考に利用されることを理解したうえで行ってください。',
    ],
    agreeLead:
      '「プライバシーポリシー」と「利用規約」の内容を確認し、「同意します」にチェックして「次へ進む」ボタンをクリックしてください。',
  },
  open: {
    title: '求職者マイページ開設（パスワード登録）',
    stepAgree: 'ステップ1：プライバシーポリシー・利用規約への同意',
    stepIdentify: 'ステップ2：メールアドレスと生年月日の入力',
    identifyLead:
      'ハローワークの窓口で登録したメールアドレスと生年月日を入力し、「次へ進む」ボタンをクリックしてください。',
    sentTitle: '「パスワード登録申込受付通知」メールを送信しました',
    sentLead: (email: string) =>
      `${email} あてに、認証キーを記載した「パスワード登録申込受付通知」メールを送信しました。登録内容と一致しない場合、メールは届きません。`,
    sentNote:
      'しばらく経ってもメールが届かない場合は、メールアドレスが正しいかご確認ください。メール受信制限をしている方は、受信を許可してから、はじめからパスワード登録をやり直してください。',
    toPassword: 'パスワードと認証キーの入力へ進む',
    stepPassword: 'ステップ3：パスワードと認証キーの入力',
    passwordLead: 'パスワードと認証キーを入力し、「完了」ボタンをクリックしてください。',
    doneTitle: 'マイページ開設完了',
    doneLead:
      '「ログイン画面へ進む」ボタンをクリックし、登録したメールアドレスとパスワードでログイン後、各種サービスをご利用ください。',
    doneImportant:
      '【！重要！】ハローワーク内のパソコンを利用する場合は、ご利用後に必ず「ログアウト」してください。',
    toLogin: 'ログイン画面へ進む',
    restart: 'はじめからやり直す',
    notRegistered: 'ハローワークで求職登録をしていない方は、インターネットで求職者マイページを開設できます。',
  },
  employerOpen: {
    title: '求人者マイページ開設（パスワード登録）',
    identifyLead:
      'ハローワークに届け出たログイン用メールアドレスと事業所番号を入力し、「次へ進む」ボタンをクリックしてください。',
    sentLead: (email: string) =>
      `${email} あてに、認証キーを記載した「パスワード登録申込受付通知」メールを送信しました。登録内容と一致しない場合、メールは届きません。`,
  },
  signup: {
    title: 'インターネットで求職者マイページを開設',
    lead: 'ハローワークに来所せずに、インターネット上の登録のみで求職者マイページを開設できます。',
    limitation:
      'ただし、オンラインハローワーク紹介やハローワークからの情報提供など一部の機能は利用できません。全ての機能を利用するには、ハローワークで求職登録をしてください。',
    emailLead:
      'ログインに使うメールアドレスを入力し、「次へ進む」ボタンをクリックしてください。認証キーをお送りします。',
    sentLead: (email: string) => `${email} あてに、認証キーを記載したメールを送信しました。`,
  },
  login: {
    title: 'ログイン',
    seekerTitle: '求職者マイページ ログイン',
    employerTitle: '求人者マイページ ログイン',
    staffTitle: '職員ログイン',
    submit: 'ログイン',
    failed:
      'メールアドレスまたはパスワードが正しくありません。続けて失敗すると、一定時間ログインできなくなります。',
    timedOut: '一定時間操作がなかったため、ログアウトしました。もう一度ログインしてください。',
    loggedOut: 'ログアウトしました。共用のパソコンの場合は、ブラウザを閉じてください。',
    formKept: '送信しようとした入力内容は保存しています。ログインすると、続きから送信できます。',
    forgot: 'パスワードを忘れた方',
    noAccount: '求職者マイページを開設していない方',
    codeTitle: 'ログイン認証コードの入力',
    codeLead: (email: string) =>
      `${email} あてに認証コードを送信しました。メールに記載の6桁の数字を入力してください。`,
    codeSubmit: '認証する',
    notOpened: 'マイページの開設（パスワード登録）がお済みでない方は、先に開設手続きを行ってください。',
  },
  keptForm: {
    title: '保存した入力内容',
    lead: '一定時間操作がなかったためログアウトしましたが、そのとき送信しようとした入力内容を保存しています。',
    howTo:
      '「入力内容を送信する」を押すと、保存した内容をそのまま送信します。送信後の画面で内容を確認・修正できます。',
    expires: (until: string) => `保存した入力内容は ${until} まで保管し、その後削除します。`,
    send: '入力内容を送信する',
    discard: '送信せずに破棄する',
    discarded: '保存していた入力内容を破棄しました。',
  },
  reset: {
    title: 'パスワードの再設定',
    lead: '登録しているメールアドレスを入力してください。パスワード再設定用の認証キーをお送りします。',
    sentLead: (email: string) => `${email} が登録されている場合、認証キーを記載したメールを送信しました。`,
    passwordLead: '新しいパスワードと、メールに記載の認証キーを入力してください。',
    doneTitle: 'パスワードを再設定しました',
    doneLead: '新しいパスワードでログインしてください。ほかの端末のログイン状態は解除されました。',
  },
  mail: {
    openKeySubject: 'パスワード登録申込受付通知',
    openKeyBody: (p: { name: string; code: string; expires: Date; baseUrl: string; portal: string }) =>
      `${p.name} 様\n\n${p.portal}のパスワード登録の申込みを受け付けました。\nパスワード登録画面で、パスワードと次の認証キーを入力してください。\n\n認証キー：${p.code}\n\n認証キーの有効期限は、このメールの送信から30分間（${formatTokyoDateTime(p.expires)}まで）です。\n有効期限を過ぎた場合は、お手数ですが、はじめからやり直してください。\n\nこのメールに心当たりがない場合は、このメールを破棄してください。${signature(p.baseUrl)}`,
    alreadyOpenSubject: 'マイページは開設済みです',
    alreadyOpenBody: (p: { baseUrl: string; portal: string }) =>
      `${p.portal}のパスワード登録の申込みがありましたが、このメールアドレスのマイページは既に開設されています。\nパスワードを忘れた場合は、ログイン画面の「パスワードを忘れた方」から再設定してください。\n\nこのメールに心当たりがない場合は、このメールを破棄してください。${signature(p.baseUrl)}`,
    signupKeyBody: (p: { code: string; expires: Date; baseUrl: string }) =>
      `求職者マイページの開設（メールアドレスの確認）の申込みを受け付けました。\n登録画面で、パスワードと次の認証キーを入力してください。\n\n認証キー：${p.code}\n\n認証キーの有効期限は、このメールの送信から30分間（${formatTokyoDateTime(p.expires)}まで）です。\n\nこのメールに心当たりがない場合は、このメールを破棄してください。${signature(p.baseUrl)}`,
    loginCodeSubject: 'ログイン認証コードのお知らせ',
    loginCodeBody: (p: { code: string; expires: Date; baseUrl: string }) =>
      `ログインのための認証コードをお知らせします。\n\n認証コード：${p.code}\n\n有効期限：${formatTokyoDateTime(p.expires)}まで（10分間）\n\nログインした覚えがない場合は、パスワードが第三者に知られている可能性があります。パスワードを変更してください。${signature(p.baseUrl)}`,
    lockSubject: 'ログインを一時的に制限しました',
    lockBody: (p: { until: Date; baseUrl: string }) =>
      `パスワードの誤りが続いたため、お使いのアカウントへのログインを一時的に制限しました。\n${formatTokyoDateTime(p.until)}以降に、もう一度お試しください。\n\nお心当たりがない場合は、第三者がログインを試みている可能性があります。ログイン画面の「パスワードを忘れた方」からパスワードを再設定してください。${signature(p.baseUrl)}`,
    resetSubject: 'パスワード再設定のお知らせ',
    resetBody: (p: { code: string; expires: Date; baseUrl: string }) =>
      `パスワード再設定の申込みを受け付けました。\nパスワード再設定画面で、新しいパスワードと次の認証キーを入力してください。\n\n認証キー：${p.code}\n\n認証キーの有効期限は、このメールの送信から30分間（${formatTokyoDateTime(p.expires)}まで）です。\n\nお心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。${signature(p.baseUrl)}`,
    passwordChangedSubject: 'パスワード変更のお知らせ',
    passwordChangedBody: (p: { at: Date; baseUrl: string }) =>
      `${formatTokyoDateTime(p.at)}にパスワードが変更されました。\nお心当たりがない場合は、すぐにパスワードを再設定し、ハローワークにご連絡ください。${signature(p.baseUrl)}`,
    registeredSubject: '求職登録完了のお知らせ',
    registeredBody: (p: { name: string; seekerNumber: string; validUntil: string; baseUrl: string }) =>
      `${p.name} 様\n\nハローワークでの求職登録が完了しました。\n求職番号：${p.seekerNumber}\n有効期限：${p.validUntil}\n\n求職者マイページを開設すると、ご自宅から求人の保存、応募履歴の確認、オンラインハローワーク紹介などを利用できます。\nトップページの「求職者マイページ開設（パスワード登録）」から、このメールアドレスと生年月日で開設手続きを行ってください。\n${p.baseUrl}/mypage/open${signature(p.baseUrl)}`,
    registeredOpenedBody: (p: { name: string; seekerNumber: string; validUntil: string; baseUrl: string }) =>
      `${p.name} 様\n\nハローワークでの求職登録が完了しました。\n求職番号：${p.seekerNumber}\n有効期限：${p.validUntil}\n\n求職者マイページは、開設済みのメールアドレスとパスワードでそのままログインしてご利用いただけます。\n${p.baseUrl}/login${signature(p.baseUrl)}`,
    registeredAtOfficeBody: (p: {
      name: string;
      seekerNumber: string;
      validUntil: string;
      baseUrl: string;
    }) =>
      `${p.name} 様\n\nハローワークの窓口で求職登録が完了しました。インターネットで登録した内容とマイページは、そのまま引き続きご利用いただけます。\n求職番号：${p.seekerNumber}\n有効期限：${p.validUntil}\n\nこれからは、職業相談やオンラインハローワーク紹介など、ハローワークで求職登録した方向けの機能も利用できます。\n${p.baseUrl}/login${signature(p.baseUrl)}`,
    employerRegisteredSubject: '求人者マイページ開設のご案内',
    employerRegisteredBody: (p: { name: string; establishmentNumber: string; baseUrl: string }) =>
      `${p.name} ご担当者様\n\nハローワークに事業所の登録を行いました。\n事業所番号：${p.establishmentNumber}\n\n求人者マイページを開設すると、応募者の確認やメッセージのやりとり、選考結果の登録ができます。\n次のページから、このメールアドレスと事業所番号で開設手続きを行ってください。\n${p.baseUrl}/employer/open${signature(p.baseUrl)}`,
    expirySubject: '求職登録の有効期限が近づいています',
    expiryBody: (p: { name: string; validUntil: string; baseUrl: string }) =>
      `${p.name} 様\n\n求職登録の有効期限は ${p.validUntil} です。\n有効期限を過ぎると、オンラインハローワーク紹介を受けたり、求人者へメッセージを送ったりできなくなります（登録した情報や応募履歴は引き続き閲覧できます）。\n\n引き続き仕事を探す場合は、有効期限までにハローワークで職業相談を受けるか、求人に応募してください。有効期限が1か月延長されます。${signature(p.baseUrl)}`,
  },
};

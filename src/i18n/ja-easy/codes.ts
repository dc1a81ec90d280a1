/** Japanese labels of the stored codes (src/modules/jobs/job.types.ts and friends). */

import type { JobCloseCause, ValidityCause } from '../../domain/vocabulary.ts';
import type {
  ApplicationDocument,
  DocumentMethod,
  EmploymentType,
  FeatureTag,
  IndustryCode,
  Insurance,
  JobCategory,
  JobStatus,
  OccupationGroup,
  PublicationScope,
  SelectionMethod,
  WageType,
  WeeklyTwoDaysOff,
  WorkStyle,
} from '../../modules/jobs/job.types.ts';
import type { Messages } from '../ja.ts';

export const codes: Messages['codes'] = {
  occupation: {
    '01': '管理的職業《かんりてきしょくぎょう》（まとめる 仕事《しごと》）',
    '02': '専門的《せんもんてき》・技術的職業《ぎじゅつてきしょくぎょう》（専門《せんもん》の 仕事《しごと》）',
    '03': '事務的職業《じむてきしょくぎょう》（事務《じむ》の 仕事《しごと》）',
    '04': '販売《はんばい》の 職業《しょくぎょう》（売《う》る 仕事《しごと》）',
    '05': 'サービスの 職業《しょくぎょう》',
    '06': '保安《ほあん》の 職業《しょくぎょう》（守《まも》る 仕事《しごと》）',
    '07': '農林漁業《のうりんぎょぎょう》の 職業《しょくぎょう》（畑《はたけ》・山《やま》・海《うみ》の 仕事《しごと》）',
    '08': '生産工程《せいさんこうてい》の 職業《しょくぎょう》（ものを つくる 仕事《しごと》）',
    '09': '輸送《ゆそう》・機械運転《きかいうんてん》の 職業《しょくぎょう》（運転《うんてん》の 仕事《しごと》）',
    '10': '建設《けんせつ》・採掘《さいくつ》の 職業《しょくぎょう》（建物《たてもの》を つくる 仕事《しごと》）',
    '11': '運搬《うんぱん》・清掃《せいそう》・包装等《ほうそうとう》の 職業《しょくぎょう》（運《はこ》ぶ・そうじの 仕事《しごと》）',
  } as Record<OccupationGroup, string>,
  industry: {
    A: '農業《のうぎょう》，林業《りんぎょう》',
    B: '漁業《ぎょぎょう》',
    C: '鉱業《こうぎょう》，採石業《さいせきぎょう》，砂利採取業《じゃりさいしゅぎょう》',
    D: '建設業《けんせつぎょう》',
    E: '製造業《せいぞうぎょう》（ものを つくる）',
    F: '電気《でんき》・ガス・熱供給《ねつきょうきゅう》・水道業《すいどうぎょう》',
    G: '情報通信業《じょうほうつうしんぎょう》',
    H: '運輸業《うんゆぎょう》，郵便業《ゆうびんぎょう》',
    I: '卸売業《おろしうりぎょう》，小売業《こうりぎょう》（店《みせ》など）',
    J: '金融業《きんゆうぎょう》，保険業《ほけんぎょう》',
    K: '不動産業《ふどうさんぎょう》，物品賃貸業《ぶっぴんちんたいぎょう》',
    L: '学術研究《がくじゅつけんきゅう》，専門《せんもん》・技術《ぎじゅつ》サービス業《ぎょう》',
    M: '宿泊業《しゅくはくぎょう》，飲食《いんしょく》サービス業《ぎょう》（ホテル・レストランなど）',
    N: '生活関連《せいかつかんれん》サービス業《ぎょう》，娯楽業《ごらくぎょう》',
    O: '教育《きょういく》，学習支援業《がくしゅうしえんぎょう》',
    P: '医療《いりょう》，福祉《ふくし》',
    Q: '複合《ふくごう》サービス事業《じぎょう》',
    R: 'サービス業《ぎょう》（ほかの 分類《ぶんるい》に 入《はい》らない もの）',
    S: '公務《こうむ》（ほかの 分類《ぶんるい》に 入《はい》る ものを 除《のぞ》く）',
    T: '分類《ぶんるい》できない 産業《さんぎょう》',

  } as Record<IndustryCode, string>,
  category: {
    general: '一般《いっぱん》',
    new_graduate: '新卒《しんそつ》・既卒《きそつ》（学校《がっこう》を 出《で》た 人《ひと》）',
    seasonal: '季節《きせつ》（ある 季節《きせつ》だけ）',
    disability: '障害《しょうがい》の ある 人《ひと》',
  } as Record<JobCategory, string>,
  workStyle: { full_time: 'フルタイム', part_time: 'パート' } as Record<WorkStyle, string>,
  employmentType: {
    regular: '正社員《せいしゃいん》',
    non_regular: '正社員《せいしゃいん》 以外《いがい》',
    fixed_term_dispatch: '派遣《はけん》（期間《きかん》が 決《き》まって いる）',
    indefinite_dispatch: '派遣《はけん》（期間《きかん》が 決《き》まって いない）',
  } as Record<EmploymentType, string>,
  wageType: {
    monthly: '月給《げっきゅう》',
    daily: '日給《にっきゅう》',
    hourly: '時給《じきゅう》',
  } as Record<WageType, string>,
  weeklyTwoDaysOff: { every_week: '毎週《まいしゅう》', other: 'そのほか', none: 'ありません' } as Record<
    WeeklyTwoDaysOff,
    string
  >,
  insurance: {
    employment: '雇用保険《こようほけん》',
    workers_comp: '労災保険《ろうさいほけん》',
    health: '健康保険《けんこうほけん》',
    pension: '厚生年金《こうせいねんきん》',
    public_servant: '公務災害《こうむさいがい》',
    asset_formation: '財形《ざいけい》',
  } as Record<Insurance, string>,
  publicationScope: {
    full: '1. 会社《かいしゃ》の 名前《なまえ》も 見《み》せる',
    anonymous: '2. 会社《かいしゃ》の 名前《なまえ》は 見《み》せない',
    private: '3. 求人《きゅうじん》を 見《み》せない',
  } as Record<PublicationScope, string>,
  documentMethod: {
    mypage: 'マイページから 送《おく》る',
    post: '郵便《ゆうびん》で 送《おく》る',
    bring: '面接《めんせつ》の とき 持《も》って いく',
    email: 'メールで 送《おく》る',
  } as Record<DocumentMethod, string>,
  applicationDocument: {
    resume: '履歴書《りれきしょ》（写真《しゃしん》を はる）',
    career_history: '職務経歴書《しょくむけいれきしょ》（前《まえ》の 仕事《しごと》の 紙《かみ》）',
    job_card: 'ジョブ・カード',
    referral_letter: '紹介状《しょうかいじょう》',
    other: 'そのほか',
  } as Record<ApplicationDocument, string>,
  selectionMethod: {
    document: '書類《しょるい》を 見《み》る',
    interview: '面接《めんせつ》',
    written_test: '筆記試験《ひっきしけん》（紙《かみ》の テスト）',
    other: 'そのほか',
  } as Record<SelectionMethod, string>,
  feature: {
    no_document_screening: '書類《しょるい》で 決《き》めない',
    regular_conversion: '正社員《せいしゃいん》に なれる',
    car_commute: '自分《じぶん》の 車《くるま》で 通《かよ》える',
    no_transfer: '転勤《てんきん》が ない',
    remote_work: '家《いえ》で 働《はたら》ける',
    near_station: '駅《えき》から 近《ちか》い（歩《ある》いて 10分《ぷん》まで）',
    uij_turn: '地方《ちほう》に 移《うつ》る 人《ひと》も よい',
    commute_allowance: '通勤《つうきん》の お金《かね》が 出《で》る',
    weekend_off: '土曜日《どようび》と 日曜日《にちようび》が 休《やす》み',
    dormitory: '寮《りょう》・社宅《しゃたく》が ある',
    childcare: '子《こ》どもを あずける 所《ところ》が ある',
    senior_welcome: '60歳《さい》 以上《いじょう》の 人《ひと》も よい',
  } as Record<FeatureTag, string>,
  jobStatus: {
    draft: 'つくって いる 途中《とちゅう》',
    submitted: '受《う》け付《つ》けを 待《ま》っている',
    open: '使《つか》えます',
    invalid: '無効《むこう》',
    withdrawn: '取《と》り下《さ》げ',
  } as Record<JobStatus, string>,
  employeeBand: {
    '1': '1人《にん》から 9人《にん》',
    '2': '10人《にん》から 29人《にん》',
    '3': '30人《にん》から 99人《にん》',
    '4': '100人《にん》から 299人《にん》',
    '5': '300人《にん》から 999人《にん》',
    '6': '1,000人《にん》 以上《いじょう》',
  } as Record<string, string>,
  seekerWorkStyle: { full_time: 'フルタイム', part_time: 'パート', either: 'どちらでも よい' } as Record<
    string,
    string
  >,
  /** What set or moved a registration's end date (MP-9). */
  validityCause: {
    application: '求職申込《きゅうしょくもうしこみ》',
    counselling: '職業相談《しょくぎょうそうだん》（仕事《しごと》の 相談《そうだん》）',
    renewal: '再開《さいかい》（もう一度《いちど》 始《はじ》めた）',
    referral: '紹介《しょうかい》',
    direct_application: '自主応募《じしゅおうぼ》（自分《じぶん》で 応募《おうぼ》した）',
  } as Record<ValidityCause, string>,
  /** Why a job stopped being open (ST-3). */
  jobCloseCause: {
    invalid: '無効《むこう》（使《つか》えない）',
    withdrawn: '｜取下げ《とりさげ》（会社《かいしゃ》が やめた）',
    expired: '紹介《しょうかい》の 期限《きげん》が 過《す》ぎた',

  } as Record<JobCloseCause, string>,
};

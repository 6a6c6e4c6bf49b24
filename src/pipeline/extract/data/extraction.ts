/**
 * Word lists and patterns the extractor reads documents with. Each pattern has an id (named in
 * diagnostics and tests) and an example it must match; `test/pipeline/extract/data.test.ts` holds
 * them to it. Patterns are linear: bounded quantifiers, no nested repetition.
 */
import type { TextPattern } from '../../patterns.ts';

/** Endings of organisation names: 常州市武进区卫生健康局, 许昌市卫生健康委员会, 南阳市卫健委. */
export const ORG_SUFFIXES: readonly string[] = Object.freeze([
  '委员会',
  '卫健委',
  '卫计委',
  '工作委员会',
  '领导小组办公室',
  '领导小组',
  '办公室',
  '办公厅',
  '人民政府',
  '政府',
  '管理局',
  '服务局',
  '卫健局',
  '卫生局',
  '健康局',
  '局',
  '厅',
  '委',
  '部',
  '办',
  '处',
  '科',
  '室',
  '中心',
  '医院',
  '卫生院',
  '分院',
  '院',
  '所',
  '站',
  '协会',
  '学会',
  '红十字会',
  '研究会',
  '促进会',
  '基金会',
  '总会',
  '工会',
  '联合会',
  '妇联',
  '团委',
  '党委',
  '党组',
  '总支',
  '支部',
  '党支部',
  '公司',
  '集团',
  '大学',
  '学院',
  '学校',
  '社区',
  '诊所',
  '门诊部',
  '药房',
  '研究院',
  '研究所',
  '病区',
  '团队',
  '小组',
  '队',
  '班',
  '组',
]);

/** Genre words a title ends with (GB/T 9704 §7.3.1 文种), and the write-up and roll genres. */
export const TITLE_GENRES: readonly string[] = Object.freeze([
  '通知',
  '决定',
  '实施方案',
  '工作方案',
  '方案',
  '公示',
  '通报',
  '意见',
  '办法',
  '细则',
  '规定',
  '决议',
  '命令',
  '公告',
  '通告',
  '报告',
  '请示',
  '批复',
  '函',
  '纪要',
  '计划',
  '规划',
  '要点',
  '名单',
  '名录',
  '光荣榜',
]);

/** Genres of a roll's title. */
export const ROLL_GENRES = /(?:名单|名录|光荣榜|获奖名单|表彰对象)$/u;

/** Headings of a list of people that are not a document's title: `“示例最美护士”候选人`, `获奖者`. */
export const ROLL_HEADINGS = /(?:候选人|推荐人选|人选|获奖者|得奖者|得主|获得者)$/u;

/** Genres of a write-up's title: `李静同志先进事迹`, `——记示例医院李静`. */
export const DEED_TITLE: TextPattern = Object.freeze({
  id: 'deed-title',
  pattern: /^(.{2,40}?)(?:同志)?(?:的)?(?:先进|典型|个人|主要|模范)?(?:事迹|事迹材料|事迹简介|先进事迹材料)$/gu,
  example: '示例市第一人民医院先进事迹',
  label: '事迹材料标题',
});

/**
 * The formula with which a notice sets out its terms, for a notice copied without its title or 发文字号
 * (a hospital's own rules for its 先进科室 and 先进个人): `现将…评选数量及评选条件…公布如下`. A write-up
 * tells what someone did and never announces terms; a roll announces names (`现将…名单公布如下`), which
 * this does not take.
 */
export const ANNOUNCEMENT_FORMULA: TextPattern = Object.freeze({
  id: 'announcement-formula',
  pattern:
    /现(?:将|就)(?:(?!名单)[^。；\n]){0,60}?(?:有关事项|事项|条件|办法|名额|数量|要求|方案|安排)(?:(?!名单)[^。；\n]){0,30}?(?:通知|公布|明确|说明|印发|规定)如下/gu,
  example: '现将先进科室及先进个人评选数量及评选条件和产生条件公布如下：',
  label: '通知的“现将……如下”',
});

/** A subtitle naming the subject: `——记示例市第一人民医院护士长李静`. */
export const DEED_SUBTITLE: TextPattern = Object.freeze({
  id: 'deed-subtitle',
  pattern: /^[—－-]{1,2}\s*记\s*(.{2,40}?)(?:同志)?$/gu,
  example: '——记示例市第一人民医院李静同志',
  label: '事迹材料副标题',
});

/**
 * A clause that names who received an honour, as news and write-ups print it: `…中心主任王芳被授予“…”称号`,
 * `示例医院喜获“…”荣誉称号`. Group 1 is who (unit, post and name run together); the verb must be followed
 * by an honour (a quotation, or a word of `HONOUR_KEYWORDS`) for the clause to count.
 */
export const HONOUREE_CLAUSE: TextPattern = Object.freeze({
  id: 'honouree-clause',
  pattern:
    /(?:^|[，,。；;！!？?：:\n\s])([^，,。；;！!？?：:“”「」『』"\s]{2,50}?)(?:同志)?(?:[（(][^）)\n]{1,4}[）)])?(?:荣获|喜获|获得|获评|荣膺|获授|被授予|被评为|被命名为|当选为|当选)/gu,
  example: '示例社区卫生服务中心主任王芳被授予“全国先进工作者”称号',
  label: '获得荣誉的对象',
});

/** Words that open such a clause without being part of who: 我院、近日、热烈祝贺. */
export const HONOUREE_LEAD =
  /^(?:(?:热烈)?祝贺|恭喜|喜闻|喜讯|日前|近日|近期|曾经|其中|今年|去年|这(?:也)?是|此次|本次|该|我(?:院|校|省|市|县|区|中心|局|所)|本(?:院|校|中心|局|所)|[0-9]{1,2}月[0-9]{1,2}日|[0-9]{4}年)+/u;

/** A report meeting or talk on someone's deeds: `“最美医生”刘永生先进事迹报告会`. Group 1 is who. */
export const DEED_REPORT: TextPattern = Object.freeze({
  id: 'deed-report',
  pattern:
    /(?:^|[”」』"，,：:\s]|年)([^\s，,。；;“”「」『』"：:]{2,30}?)(?:同志)?(?:的)?(?:先进)?事迹(?:报告会|宣讲会|宣讲|报告|展)/gu,
  example: '举办“最美医生”刘永生先进事迹报告会',
  label: '事迹报告会的主人公',
});

/** Posts and occupations printed between a person's unit and name: `…卫生院院长王永红`. */
export const POST_WORDS =
  /(?:党支部书记|党委书记|副主任医师|主任医师|主治医师|主管护师|主管技师|副主任护师|主任护师|护理部主任|副院长|院长|副主任|主任|副护士长|护士长|护理长|科长|所长|站长|局长|书记|乡村医生|村医|医生|医师|护士|护师|护理师|药师|技师|队长|教授|专家|干部|职工|科员|员工|驾驶员|司机|护理员|化验员|收费员|工作人员|服务员|管理员|调度员|技术员|保洁员|药剂师|营养师|检验师|康复师|心理咨询师)$/u;

/** A sentence that names people or units honoured: 授予…称号, 荣获, 入选, 得奖者为, 名单. */
export const HONOUR_SENTENCE =
  /授予|获|奖|得主|入选|当选|表彰|表扬|称号|名单|上榜|榜上有名|揭晓|殊荣|评为|分别为|分别是|他们是|计有|受到/u;

/** Words before the first name of a list in prose: `其中，授予`, `得奖医师分别为`, `获先进工作者表彰的有`. */
export const LIST_LEAD =
  /^.*?(?:授予|表彰|核定|入选的?有|获奖(?:者|人员)?(?:有|为|是)|得奖(?:者|人)?(?:有|为|是)|分别为|分别是|他们是|计有|包括|的有|拟推荐|推荐|决定对|对|为|有|是)(?=[\p{Script=Han}])/u;

/** `张三等300名同志`: the named head of a group. Group 1 is the head, group 2 the count. */
/** The verb after the people of a clause: `甲、乙获全国五一劳动奖章`. */
export const HONOURED_VERB =
  /(?:(?:同时|也|还|均|都|一并|共同|分别)?(?:荣获|喜获|获得(?!者)|获评|获颁|获选|获(?!得者|奖者|悉)|被授予|被评为|拟评为|被命名为|当选|入选|受到|作为|榜上有名|上榜|进行了?表彰|予以表彰))/u;

/** Verbs of the bodies that issue or run an honour: the units before them are issuers, not awardees. */
export const ISSUING_VERB = /发布|印发|下发|决定|联合|主办|承办|召开|举办|举行|通报|公布/u;

export const GROUP_HEAD: TextPattern = Object.freeze({
  id: 'group-head',
  pattern:
    /([^，,。；;：:“”「」『』"\s]{2,60}?)等\s*([0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:名|位|人|个|家|支)/gu,
  example: '授予张三等300名同志“全国先进工作者”称号',
  label: '名单中领衔的名字',
});

/**
 * Counts of an honour in prose, as decisions and news print them. Group `count` is the number, group
 * `honour` the honour: a quotation, or a prize (…奖, …奖章, …奖状).
 */
export const HONOUR_COUNTS: readonly TextPattern[] = Object.freeze([
  Object.freeze({
    id: 'honour-count-group',
    pattern:
      /等\s*(?:我省|我市|我区|我县|全省|全市|全区|全县)?\s*(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:名|位|个|人|家|支)[^“”「」，,。；;]{0,48}?[“「『](?<honour>[^“”「」『』]{2,40})[”」』]/gu,
    example: '授予张三等300名同志“全国卫生系统先进工作者”称号',
    label: '表彰人数',
  }),
  Object.freeze({
    id: 'honour-count-group-verb',
    pattern:
      /等\s*(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:名|位|人|个|家)(?:同志|单位|集体)?\s*(?:获颁|获得|荣获|获授|被授予|获选|获评|当选为|当选)(?:了)?\s*(?:该部|该会|该局|本届)?(?<prize>[\p{Script=Han}]{2,20}?(?:奖章|奖状|奖|工作者|人员|个人|集体|单位))(?=[，,。；;、（(\s]|称号|荣誉|$)/gu,
    example: '核定示例医院院长张三等4人获颁二等专业奖章',
    label: '表彰人数',
  }),
  Object.freeze({
    id: 'honour-count-list',
    pattern:
      /[、及和]\s*(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:名|位|个)\s*[“「『](?<honour>[^“”「」『』]{2,40})[”」』](?<suffix>提名奖|[一二三]等奖)?/gu,
    example: '评选出11名“示例好护士”、10名“示例好护士”提名奖',
    label: '表彰人数',
  }),
  Object.freeze({
    id: 'honour-count-units',
    pattern:
      /(?:等|将|共)\s*(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:家|个|名)(?:单位|集体)?(?:为|拟推荐的?|拟推荐为|拟命名为|被命名为)(?<prize>[^，,。；;、“”\s]{4,30}?(?:单位|集体|医院|科室|卫生院))(?=[，,。；;]|予以|进行|$)/gu,
    example: '拟推荐示例镇卫生院等6家单位为示例省文明健康优质服务基层单位，',
    label: '表彰人数',
  }),
  Object.freeze({
    id: 'honour-count-chosen',
    pattern:
      /(?:评选出?|选出|评出|推选出?|产生|表彰|授予|拟授予|拟推荐|推荐|入选|拟确定|确定|评定)(?:了)?\s*(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:名|位|个|人|家|支)\s*(?<prefix>[\p{Script=Han}]{0,6}?)[“「『](?<honour>[^“”「」『』]{2,40})[”」』](?<suffix>提名奖|[一二三]等奖)?(?:\s*[（(](?<breakdown>[^（）()]{4,60})[）)])?/gu,
    example: '最终产生10名示例省“最美健康卫士”（医生4名、护士3名、公卫人员3名）',
    label: '表彰人数',
  }),
  Object.freeze({
    id: 'honour-count-after',
    pattern:
      /(?:[“「『](?<honour>[^“”「」『』]{2,40})[”」』]|(?<prize>[\p{Script=Han}]{2,14}?(?<![颁获得领评])奖(?:章|状)?))(?:获奖者|得奖者|得主)?\s*(?:共计|共有|共|计|各|至多|最多|不超过|限)?\s*(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:名|位|人|个)(?![0-9]|候选|人选|参评|参选)/gu,
    example: '“优秀护士”10名',
    label: '表彰人数',
  }),
  Object.freeze({
    id: 'honour-count-winners',
    pattern:
      /(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:名|位|个)\s*(?:[“「『](?<honour>[^“”「」『』]{2,40})[”」』]|(?<prize>[\p{Script=Han}]{2,14}?奖(?:章|状)?))(?:得主|获得者|获奖者|得奖者)/gu,
    example: '为今年45位护理杰出奖得主颁奖',
    label: '表彰人数',
  }),
  Object.freeze({
    id: 'honour-count-named',
    pattern:
      /(?:拟命名|命名|拟表彰|拟授予|授予|评选出|评出|拟推荐)的?\s*(?:[0-9]{4}(?:-[0-9]{4})?周期)?(?:拟命名的)?\s*(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:个|名|家|位)\s*(?<prize>[\p{Script=Han}]{2,16}?(?:城市|县城|乡镇|单位|集体|医院|卫生院|个人|工作者|医生|护士|卫士|标兵|模范)(?:[（(][^（）()]{1,6}[）)])?)(?=[（(，,。；;、]|进行|予以|为|$)/gu,
    example: '现对拟命名的120个国家卫生城市（区）进行公示',
    label: '表彰人数',
  }),
  Object.freeze({
    id: 'honour-count-medal',
    pattern:
      /(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:名|位)[^，,。；;]{0,40}?(?:获|获得|被)(?:追授|授予|颁授|颁发)(?<prize>[\p{Script=Han}]{2,10}?(?:勋章|奖章|奖状|奖))/gu,
    example: '六名因病逝的医护人员获追授英勇勋章',
    label: '表彰人数',
  }),
  Object.freeze({
    id: 'honour-count-line',
    pattern:
      /^[ \t\u3000]*(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|[0-9]{1,2}[、.．](?![0-9]))?[ \t\u3000]*(?<honour>[^\s，,。：:；;0-9（）()]{2,24}?(?:奖|奖章|奖状|能手|标兵|模范|党员|工作者|集体|个人|单位|医生|医师|护士|科室|人员|之星|楷模|卫士|天使))[ \t\u3000]*(?:共计|共|计|各)?[ \t\u3000]*(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})[ \t\u3000]*(?:名|位|人|个)[ \t\u3000]*$/gmu,
    example: '2. 无私奉献奖5名',
    label: '表彰人数',
  }),
]);

/**
 * A count of those honoured whose honour is named before it, in the sentence or the one before:
 * `选出83位得奖者`, `全国共有373名院长当选`, `甲、乙等10名同志光荣入选`.
 */
export const HONOURED_TOTAL: TextPattern = Object.freeze({
  id: 'honoured-total',
  pattern:
    /(?:共有|共计|共|选出|评出|产生|评选出|等)\s*(?<count>[0-9]{1,5}|[一二两三四五六七八九十百千]{1,6})\s*(?:名|位|人|个)[^，,。；;“”「」]{0,12}?(?:得奖者|获奖(?:者|人员|医师|医生|护士|个人|单位|集体)|获此殊荣|获此荣誉|光荣入选|当选|入选)/gu,
  example: '由全省护理人员中选出83位得奖者',
  label: '表彰人数',
});

/**
 * A cap per unit on nominations: `各盟市卫生局原则上可推荐1个集体、1名个人`, `每家机构报送候选医生不超过2名`,
 * `各支部推荐2名上报`. Groups: `who` (各…/每…), `before` (what is named before the count), `count`,
 * `after` (what is named after it).
 */
export const PER_UNIT_CAP: TextPattern = Object.freeze({
  id: 'per-unit-cap',
  pattern:
    /(?<who>(?:各|每)[^，,。；;：:]{1,30}?)(?:在[^，,。；;]{1,10}?)?(?:原则上|最多|可|限|均|只)*(?:推荐|报送|申报|选送|推选|上报|报名|限报)(?<before>[^，,。；;：:0-9一二两三四五六七八九十]{0,8}?)(?:不超过|不得超过|不多于|限)?\s*(?<count>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})(?:\s*[-~～—至到]\s*(?<upper>[0-9]{1,3}|[一二两三四五六七八九十]{1,3}))?\s*(?:名|个|位|人|篇|件|项)(?<after>集体|个人|单位|[^，,。；;、\s0-9]{0,8}?)(?=[，,。；;、及和]|上报|$)/gu,
  example: '各盟市卫生局原则上可推荐1个集体、1名个人',
  label: '每单位推荐名额',
});

/** The first words of award categories: 先进单位, 优秀个人, 标杆医院. */
export const CATEGORY_HEADS: readonly string[] = Object.freeze([
  '先进',
  '优秀',
  '标杆',
  '模范',
  '示范',
  '十佳',
  '十大',
  '最美',
  '杰出',
  '突出贡献',
  '优质服务',
  '文明',
  '巾帼',
  '青年',
]);

/** The last words of award categories. */
export const CATEGORY_TAILS: readonly string[] = Object.freeze([
  '基层党组织',
  '党组织',
  '党支部',
  '共产党员',
  '党员',
  '党务工作者',
  '工作者',
  '专家',
  '护理部主任',
  '护士长',
  '获得者',
  '单位',
  '个人',
  '集体',
  '医院',
  '科室',
  '团队',
  '医生',
  '医师',
  '护士',
  '护理人员',
  '乡村医生',
  '村医',
  '人物',
  '家庭',
  '标兵',
  '示范岗',
  '岗',
  '案例',
  '志愿者',
  '管理者',
  '卫生院',
  '中心',
  '科室',
  '班组',
  '窗口',
]);

/** Prize categories without a head word: 一等奖, 特别奖. */
export const PRIZE_CATEGORY = /(?:[一二三四五]等奖|特等奖|特别奖|金奖|银奖|铜奖|优秀奖|提名奖|贡献奖|成就奖)/u;

/** Categories that honour units, not people. */
export const UNIT_CATEGORY = /(?:单位|集体|医院|科室|团队|党组织|党支部|卫生院|中心|班组|窗口|示范岗|基地|组织)$/u;

/** Words that make a quoted phrase an honour: “全国卫生应急先进集体”. */
export const HONOUR_KEYWORDS =
  /(?:先进|优秀|优良|典范|杰出|贡献|模范|标兵|示范|文明|十佳|十大|最美|红旗|劳动|五一|五四|三八|奖|功|能手|标杆|楷模|榜样|英雄|巾帼|之星|明星|满意|好医生|好护士|道德|卫士|称号|荣誉|党组织|先锋|岗)/u;

/** Verbs that confer an honour: 授予、评为、荣获. */
export const HONOUR_VERBS = /(?:授予|评为|被评|荣获|获得|获评|获|命名为|表彰为|当选|列为|确定为|认定为)/u;

/** Honours in prose without quotes: 荣获X、Y等荣誉称号 · 被卫生部评为X。 */
export const HONOUR_IN_PROSE: readonly TextPattern[] = Object.freeze([
  Object.freeze({
    id: 'honour-title-after-verb',
    pattern: /(?:荣获|获得|获评|授予|被授予)(?:了)?([^“”"‘’「」『』，。；！？,;\n]{4,120}?)(?:等)?(?:荣誉)?称号/gu,
    example: '荣获河南省文明单位、河南省结核病防治先进集体等荣誉称号',
    label: '荣誉称号',
  }),
  Object.freeze({
    id: 'honour-rated-as',
    pattern: /评为([^“”"‘’「」『』，。；！？,;\n]{4,40}?)(?=[。；，,;\n]|$)/gu,
    example: '被国家卫生部评为全国无偿献血先进城市。',
    label: '荣誉称号',
  }),
]);

/** A word limit: 1000字以内, 不少于2000字, 3000字左右. Groups: number, then kind words. */
export const WORD_LIMIT_PATTERNS: readonly (TextPattern & { kind: 'max' | 'min' | 'approx' })[] = Object.freeze([
  Object.freeze({
    id: 'word-limit-within',
    kind: 'max' as const,
    pattern:
      /(?:控制在|限|限于|原则上|一般)?\s*([0-9０-９]{2,6}|[一二两三四五六七八九十百千万〇零]{1,6})\s*(?:个)?\s*字\s*(?:（含）|\(含\))?\s*(?:以内|之内|内|以下|为限)/gu,
    example: '事迹材料1000字以内',
    label: '字数上限',
  }),
  Object.freeze({
    id: 'word-limit-not-exceed',
    kind: 'max' as const,
    pattern:
      /(?:不超过|不得超过|不宜超过|最多|不多于|不超出)\s*([0-9０-９]{2,6}|[一二两三四五六七八九十百千万〇零]{1,6})\s*(?:个)?\s*字/gu,
    example: '事迹材料不超过1500字',
    label: '字数上限',
  }),
  Object.freeze({
    id: 'word-limit-at-least',
    kind: 'min' as const,
    pattern:
      /(?:不少于|不低于|至少|不得少于)\s*([0-9０-９]{2,6}|[一二两三四五六七八九十百千万〇零]{1,6})\s*(?:个)?\s*字/gu,
    example: '事迹材料不少于2000字',
    label: '字数下限',
  }),
  Object.freeze({
    id: 'word-limit-above',
    kind: 'min' as const,
    pattern: /([0-9０-９]{2,6}|[一二两三四五六七八九十百千万〇零]{1,6})\s*(?:个)?\s*字\s*以上/gu,
    example: '事迹材料2000字以上',
    label: '字数下限',
  }),
  Object.freeze({
    id: 'word-limit-about',
    kind: 'approx' as const,
    pattern: /([0-9０-９]{2,6}|[一二两三四五六七八九十百千万〇零]{1,6})\s*(?:个)?\s*字\s*(?:左右|上下)/gu,
    example: '事迹材料3000字左右',
    label: '字数约数',
  }),
]);

/** Words between what a limit applies to and its number, stripped from `appliesTo`. */
export const LIMIT_FILLER =
  /(?:的)?(?:字数|篇幅|文字)?(?:一般|原则上|要求|应|须|需|均)?(?:控制在|限|限于|限定在|不超过|不得超过|不宜超过|不少于|不低于|至少|最多|在|为|以)?$/u;

/** Words that start a clause before the thing a limit applies to: 并附先进事迹材料 → 先进事迹材料. */
export const LIMIT_LEAD = /^(?:并附|另附|附|要求|其中|每篇|每份|每人|请|须|需|应|将|把|按|并|和|及)+/u;

/** A submission deadline. Group 1 is the date text. */
export const DEADLINE_PATTERNS: readonly TextPattern[] = Object.freeze([
  Object.freeze({
    id: 'deadline-cutoff',
    pattern: /截[止至](?:时间|日期)?(?:为|是|到|至)?[:：]?\s*([^，。；,;\n]{4,24})/gu,
    example: '上报材料截止时间9月15日',
    label: '截止日期',
  }),
  Object.freeze({
    id: 'deadline-period-end',
    pattern:
      /(?:报名|报送|提交|申报|推荐|收件|投稿|收稿|征稿)(?:时间|日期|期限|截止)[:：]?\s*(?:即日起|自即日起|即日)?(?:至|到|起至)?\s*([^，。；,;\n]{4,30}?)\s*(?:[（(](?:星期|周)?[一二三四五六日天][）)])?\s*(?:[0-9]{1,2}[:：][0-9]{2})?\s*(?:止|截止|前|之前|为止)/gu,
    example: '报名时间：114年3月25日（二）23:59止',
    label: '截止日期',
  }),
  Object.freeze({
    id: 'deadline-until',
    pattern: /(?:即日起|自即日起|从即日起|即日)(?:至|到)\s*([^，。；,;\n]{4,20}?)\s*(?:止|截止|为止)/gu,
    example: '即日起至5月31日止，接受各界报名和推荐',
    label: '截止日期',
  }),
  Object.freeze({
    id: 'deadline-before',
    pattern: /(?:于|在|请于|务必于|须于|需于|应于|并于|最迟于)\s*([^，。；,;\n]{4,24}?)\s*(?:前|之前|以前|止)/gu,
    example: '于2023年1月10日前报局办公室',
    label: '截止日期',
  }),
]);

/** Words near a deadline that show it is one for submissions. */
export const SUBMISSION_WORDS = /(?:报|送|交|寄|传|递|提交|报名|申报|推荐|截止|致电|登记|预约|填写|投稿|寄达)/u;

/** A phase of the process with its dates: `（一）活动开展阶段（2021年5月—8月31日）`. */
export const PHASE_LINE: TextPattern = Object.freeze({
  id: 'phase-line',
  pattern:
    /^[ \t\u3000]*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|[0-9]{1,2}[、.．]|第[一二三四五六七八九十]{1,3}(?:阶段)?[:：，,]?)?[ \t\u3000]*([^\s，。：:（()）；;]{2,20}?阶段)[ \t\u3000]*[（(:：]?[ \t\u3000]*([^\n]{0,60})/gmu,
  example: '（一）活动开展阶段（2021年5月—8月31日）',
  label: '工作阶段',
});

/** A numbered step with its dates in brackets: `（一）动员部署（2023年3月1日—3月10日）`. */
export const PHASE_STEP: TextPattern = Object.freeze({
  id: 'phase-step',
  pattern:
    /^[ \t\u3000]*(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|[0-9]{1,2}[、.．])[ \t\u3000]*([^\s，。：:（()）；;0-9]{2,12}?)[ \t\u3000]*[（(]([^）)\n]{2,40})[）)]/gmu,
  example: '（一）动员部署（2023年3月1日—3月10日）',
  label: '工作步骤',
});

/** 附注 about publication: `（此件公开发布）`. */
export const PUBLICITY_NOTE: TextPattern = Object.freeze({
  id: 'publicity-note',
  pattern:
    /此件(?:公开发布|主动公开|依申请公开|不予公开|不公开|免予公开|删减后公开)|(?:信息)?公开(?:方式|形式|属性)[:：]\s*(?:主动公开|依申请公开|不予公开|免予公开|删减后公开)/gu,
  example: '（此件公开发布）',
  label: '公开方式',
});

/** The evaluation year: `2022年度`. */
export const EVALUATION_YEAR: TextPattern = Object.freeze({
  id: 'evaluation-year',
  pattern: /(?<![0-9])((?:19|20)[0-9]{2})\s*(?:年度|[-—至到]\s*(?:19|20)[0-9]{2}\s*年度)/gu,
  example: '2022年度全区卫生健康系统先进个人',
  label: '评选年度',
});

/** A lead sentence in news: `2020年6月11日，南阳市卫健委召开…表彰大会`; group 1 is the body. */
export const CONFERRING_BODY: TextPattern = Object.freeze({
  id: 'conferring-body',
  pattern:
    /(?:^|[，,、。\s])([^\s，,。：:；;“”"（()）]{3,24}?)(?:在|于)?(?:隆重)?(?:召开|举行|举办|印发|下发|发布|授予|命名|表彰|通报表扬)/gu,
  example: '2020年6月11日，南阳市卫健委召开表彰大会',
  label: '授予荣誉的机关',
});

/** Masked names and years: **市, 20**年, XX省, xx. */
export const PLACEHOLDER_TOKEN: TextPattern = Object.freeze({
  id: 'placeholder-token',
  pattern:
    /(?<![A-Za-z*＊×])(?:[0-9]{0,2}(?:\*{2,4}|＊{2,4}|[xX]{2,3}|×{2,3}|○{2,3}|某某)[年省市县区镇乡村局院]?)(?![A-Za-z])/gu,
  example: '20**年**市衛生局',
  label: '打码文字',
});

/** A 6-digit run that should be a year before 年: 202223年. */
export const BROKEN_YEAR: TextPattern = Object.freeze({
  id: 'broken-year',
  pattern: /(?<![0-9])(?:19|20)[0-9]{3,4}年/gu,
  example: '202223年',
  label: '破损的年份',
});

/**
 * Common Chinese surnames (the most frequent few hundred, with compound ones), used to tell a
 * person's name from a fragment of a unit's name in rolls. A name with another surname is still
 * read where the layout says it is a name.
 */
export const COMPOUND_SURNAMES: readonly string[] = Object.freeze(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 万俟 闻人 申屠 澹台 公冶 濮阳 淳于 单于 太叔 呼延 钟离 宗政 拓跋 百里 西门 东郭 第五'.split(
    ' ',
  ),
);

export const SURNAMES = new Set(
  [
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
    '常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝',
    '官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由',
  ]
    .join('')
    .split(''),
);

/** The period of a 公示: `公示时间为2023年5月6日至5月12日`. Group 1 is the text holding the range. */
export const PUBLICITY_PERIOD: TextPattern = Object.freeze({
  id: 'publicity-period',
  pattern: /公示(?:时间|期|期限|日期)?(?:为|是|自|从)?[:：]?\s*((?:自|从)?[^。；;\n]{6,40})/gu,
  example: '公示时间为2023年5月6日至5月12日',
  label: '公示期',
});

/**
 * Provinces and regions as printed in tables of 公示 and rolls (`北 京 | 2 | 朝阳区、海淀区`): a cell that is
 * one of them is a place, never a person's name (吉林, 安徽).
 */
export const PROVINCES: ReadonlySet<string> = new Set(
  '北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆 台湾 香港 澳门 兵团'.split(
    ' ',
  ),
);

/** Honours given to places (国家卫生城市, 健康村): under them, a city, district or county is an awardee. */
export const PLACE_HONOUR =
  /卫生城市|卫生县城|卫生乡镇|卫生区|健康城市|健康县|健康村|文明城市|卫生村|无烟城市|慢性病综合防控示范区/u;

/** The name of a place: 朝阳区, 石家庄市, 呼伦贝尔市, 奈曼旗. */
export const PLACE_NAME = /^[\p{Script=Han}]{1,8}(?:市|区|县|旗|盟|镇|乡|州)$/u;

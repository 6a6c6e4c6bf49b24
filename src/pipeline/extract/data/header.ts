/**
 * Patterns the header stage reads web pages with: the page's printed date (bylines, metadata
 * tables, a date beside the title) and the bodies that issue a document or confer an honour when
 * no signature is printed (`由A、B联合主办`, `A、B、C决定，授予…`, `被A授予`, a cited
 * `《A B关于表彰…的决定》`, a `来源：` line). Group 1 of every issuer pattern is the run of bodies;
 * the extractor splits it on 、 and spaces and keeps it only when every part reads as a body's name.
 * Patterns are linear: bounded quantifiers, no nested repetition. `test/pipeline/extract/header.test.ts`
 * holds each to its example.
 */
import type { TextPattern } from '../../patterns.ts';

/** A label before a page's publication date: `发布时间：`, `发表于`, `更新：`, `来源：…发布时间：`. */
export const PAGE_DATE_LABEL: TextPattern = Object.freeze({
  id: 'page-date-label',
  pattern:
    /(?:发布时间|发布日期|发表时间|发表日期|发表于|更新时间|更新日期|发文日期|成文日期|刊发时间|上传时间|录入时间|建档日期|發佈時間|發佈日期|發表於|更新[:：]|(?:^|[\s|｜】\]])(?:时间|日期|時間)[:：])[:：]?[ \t\u3000]*/gu,
  example: '来源：示例日报发布时间：2023-11-28 08:20',
  label: '网页发布时间',
});

/** The date prefix the crawler puts before some pages' text: ` date 2025-12-16 正文…`. */
export const PAGE_DATE_PREFIX: TextPattern = Object.freeze({
  id: 'page-date-prefix',
  pattern: /^date[ \t]+(?=[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[ \t]|$))/gu,
  example: 'date 2025-12-16 示例乡卫生所以……',
  label: '抓取工具标注的日期',
});

/** A date printed in figures (`2020/12/29`, `2023-11-28`, `13.10.2014`), as page furniture prints it. */
export const NUMERIC_DATE =
  /(?<![0-9])(?:[12][0-9]{3}[-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-3][0-9]\.[01][0-9]\.[12][0-9]{3})(?![0-9])/u;

/** What may follow a date for it to be one day rather than the start of a range. */
export const RANGE_AFTER = /^[ \t\u3000]*(?:至|到|[—–―－~～]|-[ \t\u3000]*[0-9])/u;

/**
 * A body's issuer pattern: `tier` orders them (1: the act of issuing or conferring itself; 2: an
 * event or activity the body holds; 3: a news source), `loose` lets parts end in any word of
 * `LOOSE_SUFFIXES` (a named organiser is a body whatever its name ends in).
 */
export interface IssuerPattern extends TextPattern {
  tier: 1 | 2 | 3;
  loose: boolean;
}

/** Characters that end a clause; a run of bodies never crosses one. */
const B = '[^，,。：:；;！？!?“”「」『』《》()（）\\n]';
/** The same, with book-title marks: a named organiser may be a paper (`由《示例日报》举办`). */
const BT = '[^，,。：:；;！？!?“”「」『』()（）\\n]';

export const ISSUER_PATTERNS: readonly IssuerPattern[] = Object.freeze([
  {
    id: 'issuer-organised-by',
    pattern: new RegExp(
      `(?<!报告会|宣讲会|座谈会)由(${BT}{2,120}?)(?:等)?(?:[0-9]{0,4}个?单位)?(?:联合|共同)?(?:主办|举办|发起|承办并主办)`,
      'gu',
    ),
    example: '该活动由示例省卫生健康委、示例日报社等联合主办',
    label: '主办单位',
    tier: 1,
    loose: true,
  },
  {
    id: 'issuer-jointly-organised',
    pattern: new RegExp(
      `(?:^|[，,。；;）)】\\n])(${BT}{2,120}?)(?:等)?(?:联合|共同)(?:主办|举办|发起|启动|开展)`,
      'gu',
    ),
    example: '由示例委指导，示例网、《示例报》社共同发起的推荐活动',
    label: '主办单位',
    tier: 1,
    loose: true,
  },
  {
    id: 'issuer-organiser-field',
    pattern: new RegExp(
      `(?:^|\\s)主办单位[:：][ \\t\\u3000]*(${BT}{2,120}?)(?=[。；;，,\\n]|$|[ \\t\\u3000]*(?:协办|承办|指导)单位)`,
      'gu',
    ),
    example: '主办单位：示例省医师协会',
    label: '主办单位',
    tier: 1,
    loose: true,
  },
  {
    id: 'issuer-cited-title',
    pattern: new RegExp(`《(${B}{2,120}?)关于[^》\\n]{2,80}?(?:决定|通报|命名)》`, 'gu'),
    example: '发布《示例省人力资源社会保障厅 示例省卫生健康委关于表彰先进的决定》',
    label: '所引表彰决定的发文机关',
    tier: 1,
    loose: false,
  },
  {
    id: 'issuer-published-decision',
    pattern: new RegExp(
      `(?:^|[，,。；;）)】\\n])(${B}{2,120}?)(?:官网)?(?:联合)?(?:发布|印发|下发)的《?关于[^，,。；;\\n]{2,80}?(?:决定|通报)`,
      'gu',
    ),
    example: '在3月31日示例省卫生健康委员会发布的关于表彰先进集体的决定中',
    label: '发布表彰决定的机关',
    tier: 1,
    loose: false,
  },
  {
    id: 'issuer-decided',
    pattern: new RegExp(
      `(?:^|[，,。；;）)】\\n])(${B}{2,120}?)(?:[0-9]{1,2}月[0-9]{1,2}日)?(?:联合|共同)?(?:决定[，,]?(?:授予|追授|命名|表彰|评选|开展|对)|联合(?:发布|印发|下发|授予|表彰)|向全社会(?:公开)?发布|(?:发布|公布)了?[^，,。；;\\n]{0,40}?(?:表彰|名单|决定)|印发了?《)`,
      'gu',
    ),
    example: '2012年12月24日，示例省人力资源社会保障厅、示例省卫生健康委决定，授予李静同志称号',
    label: '作出表彰决定的机关',
    tier: 1,
    loose: false,
  },
  {
    id: 'issuer-conferred-by',
    pattern: new RegExp(
      `(?:被|受到|获得|荣获)(${B}{2,120}?)(?:联合)?(?:授予|评为|评选为|命名为|的?表彰|通报表扬)`,
      'gu',
    ),
    example: '被示例省人事厅、示例省卫生厅联合授予“先进集体”称号',
    label: '授予荣誉的机关',
    tier: 1,
    loose: false,
  },
  {
    id: 'issuer-approved',
    pattern: new RegExp(
      `(?:^|[，,。；;）)】\\n])(${B}{2,40}?)(?:批准|审定|研究同意)[，,]?(?:授予|追授|命名|表彰)`,
      'gu',
    ),
    example: '经市卫生局推荐，示例省卫生厅批准，授予示例医院骨科“示范病区”称号',
    label: '批准授予荣誉的机关',
    tier: 1,
    loose: false,
  },
  {
    id: 'issuer-conferred-on-them',
    pattern: new RegExp(
      `(?:^|[，,。；;）)】\\n])(?:[0-9]{4}年[，,]?)?(${B}{2,120}?)(?:联合|共同)?授予(?:他|她|其|他们|她们|该院|该中心|该单位|该所|该科)`,
      'gu',
    ),
    example: '1993年，示例部医政司、示例农村卫生协会、健康报社授予他“全国优秀乡村医生”称号',
    label: '授予荣誉的机关',
    tier: 1,
    loose: true,
  },
  {
    id: 'issuer-award-of',
    pattern: new RegExp(
      `(?:第[一二三四五六七八九十0-9]{1,3}届)(${B}{3,30}?(?:协会|学会|基金会|委员会|总会|红十字会))(?=\\p{Script=Han}{2,12}?奖)`,
      'gu',
    ),
    example: '第六届示例医师协会示例医师奖今天在北京颁奖',
    label: '设奖的机关',
    tier: 2,
    loose: false,
  },
  {
    id: 'issuer-launched',
    pattern: new RegExp(
      `(?:^|[，,。；;）)】\\n])(${B}{2,40}?)(?:按照${B}{0,40}?)?(?:于)?(?:近日|日前|近期|今年)?(?:正式)?(?:启动|组织开展|开展)(?:了)?(?:第[一二三四五六七八九十0-9]{1,3}届)?[“「]`,
      'gu',
    ),
    example: '示例市卫生健康委按照市委安排部署于近日启动第六届“最美健康卫士”评选活动',
    label: '启动评选的机关',
    tier: 2,
    loose: false,
  },
  {
    id: 'issuer-issued-decision',
    pattern: new RegExp(
      `(?:^|[，,。；;）)】\\n\\s])(${B}{2,40}?)(?:日前|近日|近期)?(?:对${B}{2,40}?)?(?:颁发|作出|下发|印发)了?(?:表彰|命名)决定`,
      'gu',
    ),
    example: '示例部日前对抗震救灾先进颁发表彰决定',
    label: '作出表彰决定的机关',
    tier: 1,
    loose: false,
  },
  {
    id: 'issuer-good-news-from',
    pattern: new RegExp(`从(${B}{2,60}?)传来喜讯`, 'gu'),
    example: '日前，从示例省卫生健康委传来喜讯',
    label: '传来喜讯的机关',
    tier: 2,
    loose: false,
  },
  {
    id: 'issuer-held-event',
    pattern: new RegExp(
      `(?:^|[，,。；;）)】\\n])(${B}{2,60}?)(?:(?:于|将于)?(?:今[(（]?[0-9]{1,2}[)）]?日|今天|今日|昨日|日前|近日|[(（]?[0-9]{1,2}[)）]?日|[0-9]{4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?(?:[(（]星期.[)）])?${B}{0,16}?))?(?:在${B}{1,20}?|假${B}{1,20}?)?(?:隆重)?(?:举办|举行|召开|设立|开展${B}{0,30}?(?:报告会|评选|表彰))`,
      'gu',
    ),
    example: '示例市卫生局3日举行优秀护理人员表扬大会',
    label: '举办表彰活动的机关',
    tier: 2,
    loose: false,
  },
  {
    id: 'issuer-commended-at-meeting',
    pattern: new RegExp(`(?:^|[，,。；;）)】\\n])(${B}{2,40}?)在会上对${B}{2,60}?(?:进行了?|予以)表彰`, 'gu'),
    example: '示例市卫计局在会上对各医疗单位推选出的护理先进代表进行了表彰',
    label: '会上表彰的机关',
    tier: 2,
    loose: false,
  },
  {
    id: 'issuer-sent-notice',
    pattern: new RegExp(`(?:^|[，,。；;\\n\\s])(${B}{2,40}?)(?:已)?向${B}{2,30}?(?:发出|下发|印发)了?通知`, 'gu'),
    example: '2月9日，示例县卫生局已向全县各医疗机构发出通知',
    label: '发出通知的机关',
    tier: 2,
    loose: false,
  },
  {
    id: 'issuer-statement',
    pattern: new RegExp(`(?:^|[，,。；;）)】\\n])(${B}{2,40}?)作出说明`, 'gu'),
    example: '示例卫生局作出说明，报名截止日期不变',
    label: '作出说明的机关',
    tier: 2,
    loose: false,
  },
  {
    id: 'issuer-runs-activity',
    pattern: new RegExp(
      `(?:^|[，,。；;）)】\\n])(?:[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日${B}{0,4}?[，,]?)?(${B}{2,30}?)“[^”\\n]{2,30}”(?:大型)?(?:公益)?(?:评选)?活动`,
      'gu',
    ),
    example: '2015年3月19日上午，示例电视台“寻找最美乡村医生”大型公益活动评选结果揭晓',
    label: '举办评选活动的机关',
    tier: 2,
    loose: false,
  },
  {
    id: 'issuer-news-source',
    pattern: new RegExp(`记者(?:今日|今天|近日|日前|昨日)?从(${B}{2,40}?)(?:获悉|了解到)`, 'gu'),
    example: '记者从示例市翠屏区卫计局获悉',
    label: '新闻来源机关',
    tier: 3,
    loose: false,
  },
]);

/** A page's `来源：` field, up to the next field: `来源：示例市卫生局更新：2013/8/7`. */
export const SOURCE_FIELD: TextPattern = Object.freeze({
  id: 'source-field',
  pattern:
    /(?:^|[\s|｜])(?:信息)?来源[:：][ \t\u3000]*([^\s|｜:：，,。]{2,40}?)(?=$|[\s|｜]|(?:更新|发布|作者|时间|日期|点击|浏览|编辑|字体|责任编辑)[^:：]{0,3}[:：])/gu,
  example: '来源：示例市卫生局更新：2013/8/7 字体：',
  label: '网页来源',
});

/** The owner of the site a notice is printed on: `欢迎来到示例省护理学会`, `欢迎访问示例中心网站！`. */
export const SITE_OWNER: TextPattern = Object.freeze({
  id: 'site-owner',
  pattern:
    /^(?:您好[，,]?)?欢迎(?:来到|访问|光临)([\p{Script=Han}]{3,30}?)(?:官方)?(?:网站|官网)?(?=$|[！!。\s]|注册|登录)/gu,
  example: '欢迎来到示例省护理学会注册 / 登录',
  label: '网站主办单位',
});

/** Lead-in words before a run of bodies that are not part of its first name. */
export const ISSUER_LEAD =
  /^(?:在|[0-9]{4}年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?|[0-9]{1,2}月(?:[0-9]{1,2}日)?|近日|日前|近期|今年|去年|今天|今日|昨日|随后|此前|同时|最终|最后|经报[^，,]{0,8}批准|经[^，,]{0,8}同意|上午|下午|晚上|该活动|此次|本次|这次|另外|此外|据悉|目前)+/u;

/** Endings of the names of bodies beyond `ORG_SUFFIXES`: 海关总署, 示例电视台, 示例日报社, 人民网, 联合报系. */
export const ISSUER_SUFFIXES: readonly string[] = Object.freeze([
  '总署',
  '署',
  '电视台',
  '广播电台',
  '报社',
  '报系',
  '日报',
  '文明办',
  '宣传部',
  '组织部',
  '总工会',
  '红十字会',
  '司',
  '公会',
]);

/** Endings a named organiser may also have: media and associations (`由…主办` names bodies by its shape). */
export const LOOSE_SUFFIXES: readonly string[] = Object.freeze(['网', '社', '报', '台', '会', '系', '杂志']);

/** Words that end like a body's name but are an event, a place or a site section, never an issuer. */
export const NOT_ISSUER =
  /(?:网站|官网|客户端|大会|会议|报告会|座谈会|晚会|表彰会|年会|交流会|研讨会|发布会|见面会|茶话会|联欢会|推进会|动员会|分享会|典礼|仪式|活动|酒店|酒楼|剧院|影剧院|礼堂|大会堂|会场|会上|组委会办公室|演播厅|演播室|大厅|报告厅|会议厅|会议室|展厅|宴会厅)$|^(?:新闻|资讯|信息|帮助|会员|下载|文章|媒体|图片|视频|数据|服务|政务)中心$|^(?:本|我|该|其|此|各|院|校|在|有关|相关|记者)|由|被/u;

/**
 * The labels of a government site's metadata table (`索取号 | 发布时间 | 发布机构 | 文件编号`, the values on the
 * next line), by the fact each gives.
 */
export const METADATA_LABELS: Readonly<Record<'date' | 'written' | 'issuer' | 'docNumber', RegExp>> = Object.freeze({
  written: /^(?:成文日期|发文日期|印发日期)$/u,
  date: /^(?:发布日期|发布时间|公开日期|生成日期)$/u,
  issuer: /^(?:发布机构|发文机关|发文单位|发布单位|所属机构|发文机构)$/u,
  docNumber: /^(?:文件编号|文号|发文字号|发文文号)$/u,
});

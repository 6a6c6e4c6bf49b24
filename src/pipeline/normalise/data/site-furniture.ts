/**
 * Site furniture by its shape: what a web page puts around an article (navigation, notices, counters,
 * leftover page code), recognised by the form of a line and by where it stands, not by any one site's
 * strings. Used by the scrape-noise stage on plain text only (see strip-scrape-noise.ts):
 *
 * - `FURNITURE_RULES` remove a line wherever it stands: their shape is never prose (a browser notice,
 *   a file size, a line of CSS);
 * - lines of navigation words (`NAV_WORDS`, with any separators: link bars, menus), region filters
 *   (`REGION_NAMES`) and short bare lines between furniture are removed only at the head or the tail
 *   of a page (before its first line of prose, after its last), and short bare lines above a breadcrumb
 *   (the site's header);
 * - `KEEP_LINE` marks lines that look short and bare but carry the document's facts (dates, bylines,
 *   signatures, headings, attachments), which are never removed by position.
 *
 * Patterns are anchored and use only bounded repetition, so that no input makes them backtrack badly.
 */

export interface FurnitureRule {
  /** Rule id, as recorded in the change record: `scrape-noise/<id>`. */
  id: string;
  description: string;
  /** Matches a whole trimmed line. */
  pattern: RegExp;
  /** A line it removes. */
  example: string;
}

export const FURNITURE_RULES: readonly FurnitureRule[] = Object.freeze([
  {
    id: 'browser-notice',
    description: '浏览器兼容提示（建议使用某浏览器、最佳浏览效果、请至官网下载浏览器）',
    pattern:
      /^(?=[^\n]{0,120}$)[^\n]{0,60}(?:建议|建議|推荐|推薦|请使用|請使用|请用|請用|最佳|升级|升級|更换|更換)[^\n]{0,60}(?:浏览器|瀏覽器|browser)[^\n]{0,40}$/i,
    example: '为获得最佳浏览体验，建议使用 Chrome 或 Safari 浏览器。',
  },
  {
    id: 'download-notice',
    description: '“请至某官网下载”、下载客户端（APP）之类的提示',
    pattern:
      /^(?:[ \t\u3000|/·]{0,3}(?:请至|請至|请到|請到|请前往|請前往|前往)[^\s，。,]{1,20}?(?:官网|官網|网站|網站)(?:下载|下載)[^\s]{0,10}){1,6}$|^(?=[^\n]{0,60}$)[^\n，。,]{0,30}(?:下载|下載|扫码|掃碼|安装|安裝)[^\n，。,]{0,10}(?:APP|客户端|客戶端|手机版|手機版)[^\n，。,]{0,20}$/i,
    example: '请至Opera官网下载 请至Safari官网下载',
  },
  {
    id: 'content-rating',
    description: '台湾网站的内容分级标示（限制级、需满18岁方可浏览、分级推广基金会）',
    pattern:
      /^(?:[【\[［(（]?(?:限制级|限制級|普遍级|普遍級|保护级|保護級|辅导级|輔導級)[】\]］)）]?|(?=[^\n]{0,80}$)[^\n]{0,40}(?:需满|需滿|未满|未滿|须满|須滿)[ \t]{0,2}18[ \t]{0,2}(?:岁|歲)[^\n]{0,30}|[^\n]{0,200}(?:分级推广基金会|分級推廣基金會|TICRF)[^\n]{0,200})$/i,
    example: '本网页内容需满18岁方可浏览',
  },
  {
    id: 'welcome-banner',
    description: '页头的欢迎语（欢迎访问某某网）',
    pattern:
      /^(?:(?:您好|你好)[ \t，,！!]{0,2})?(?:欢迎|歡迎)您?(?:进入|進入|访问|訪問|光临|光臨|来到|來到|登录|登錄)[^\n，。！!,]{0,30}(?:网|網|网站|網站|站|平台|主页|首页|首頁)[^\n，。！!,]{0,20}[！!。]?$/,
    example: '欢迎访问健康新桥网 今天是：',
  },
  {
    id: 'reprint-notice',
    description: '转载与版权声明（未经允许不得转载、转载请注明来源、版权咨询电话、凡本网注明）',
    pattern:
      /^(?=[^\n]{0,240}$)[^\n]{0,160}(?:不得转载|不得轉載|禁止转载|禁止轉載|转载请注明|轉載請註明|转载务必注明|轉載務必註明|版权咨询|版權諮詢|版权所有|版權所有|凡本网注明|凡本網註明|凡本网未注明|凡本網未註明|本网未注明|本網未註明)[^\n]{0,160}$/,
    example: '本网所有自采新闻独家授权发布，未经允许不得转载或镜像；授权转载务必注明来源。',
  },
  {
    id: 'site-disclaimer',
    description: '网站的免责声明（不代表本站立场之类）',
    pattern:
      /^(?=[^\n]{0,120}$)[^\n]{0,60}(?:不代表本站|不代表本网|不代表本網|不代表本平台|本站立场|本站立場|与本站无关|與本站無關|本网站不承担|本網站不承擔)[^\n]{0,60}$/,
    example: '本文仅代表作者观点，不代表本站立场。',
  },
  {
    id: 'player-notice',
    description: '嵌入播放器的加载提示',
    pattern: /^(?:loading the player|loading player|正在加载播放器|播放器加载中|視頻加載中|视频加载中)[ \t.…]{0,6}$/i,
    example: '视频加载中...',
  },
  {
    id: 'view-counter',
    description: '浏览、阅读、点击次数',
    pattern:
      /^(?:[【\[［]?(?:浏览|瀏覽|阅读|閱讀|点击|點擊|访问|訪問|人气|人氣)(?:次数|次數|量|数|數)?[ \t]{0,2}(?:[:：][ \t]{0,2}\d{0,9}|\d{1,9})[ \t]{0,2}次?[】\]］]?[ \t\u3000|]{0,3}){1,3}$|^\d{1,9}[ \t]{0,2}(?:次|人次)?(?:浏览|瀏覽|阅读|閱讀|点击|點擊)$/,
    example: '阅读：1024',
  },
  {
    id: 'file-metadata',
    description: '文档分享网站的文件信息（大小 39.07KB、页数 3 页）',
    pattern:
      /^(?:[^\s，。,：:]{0,8}[ \t]{0,2}\d{1,4}(?:\.\d{1,2})?[ \t]{0,2}(?:KB|MB|GB|K|M|字节|位元組|bytes)|(?:共|页数|頁數)?[ \t]{0,2}[:：]?[ \t]{0,2}\d{1,4}[ \t]{0,2}(?:页|頁))$/i,
    example: '讲话稿15.3KB',
  },
  {
    id: 'page-code',
    description: '网页源码（PHP、样式表、脚本、HTML 注释、页面标签）',
    pattern:
      /^(?:<\?(?:php|=)?|\?>|<!--[^\n]{0,200}?-->|<!DOCTYPE[^\n]{0,100}|<\/?(?:style|script|html|head|body|link|meta|noscript|iframe|form|input|button|nav|header|footer|section|article|ul|ol|li|a|img)\b[^<>\n]{0,200}>|\$[A-Za-z_]\w{0,40}[ \t]{0,3}(?:=|->|\[)[^\n]{0,200};|[.#]?[A-Za-z][\w-]{0,40}(?:[ \t,>.#:][ \t,>.#:\w-]{0,80})?[ \t]{0,3}\{[^{}\n]{0,250}\}?|[a-z-]{2,30}[ \t]{0,2}:[ \t]{0,2}[^;{}\n]{1,80};|\})$/,
    example: '.article-body{margin: 0 auto;font-size: 14px;}',
  },
]);

/**
 * Words of site navigation: menus, columns, buttons, widgets. A short line made mostly of them (see
 * `NAV_SHARE`) is navigation when it stands at the head or the tail of a page.
 */
export const NAV_WORDS: readonly string[] = Object.freeze(
  [
    // Menus and columns
    '首页 首頁 主页 主頁 新闻 新聞 资讯 資訊 动态 動態 要闻 要聞 热点 熱點 专题 專題 专栏',
    '專欄 图片 圖片 图说 圖說 视频 視頻 影音 直播 直播课 课程 課程 排行 排行榜 新闻推荐',
    '新聞推薦 推荐阅读 推薦閱讀 相关推荐 相關推薦 为你推荐 為你推薦 编辑推荐 編輯推薦 热门 熱門',
    '精选 精選 更多 频道 頻道 栏目 欄目 导航 導航 网站地图 網站地圖 文章类别 文章類別 分类',
    '分類 标签 標籤 归档 歸檔 搜索 搜尋 检索 檢索 站内搜索 站內搜索 地区 地區 按地区 按地區',
    // Social widgets and accounts
    '微博 微信 公众号 公眾號 客户端 客戶端 订阅 訂閱 关注我们 關注我們 联系我们 聯繫我們',
    '关于我们 關於我們 意见反馈 意見反饋 投稿 留言 留言板 评论 評論 发表者 發表者 发表 發表',
    // Buttons
    '登录 登錄 注册 註冊 退出 返回 关闭 關閉 打印 收藏 分享 下载 下載 举报 舉報 投诉 投訴',
    '侵权投诉 侵權投訴 展开 展開 收起 闔起 合起 树状展开 樹狀展開 上一页 下一页 上一頁 下一頁',
    '顶部 頂部 置顶 置頂',
    // Ads and promotions of training sites
    '免费 免費 领取 領取 免费领取 免費領取 资料 資料 资料包 資料包 辅导 輔導 考试辅导',
    '考試輔導 网校 網校 题库 題庫 广告 廣告 天气 天氣 多云 多雲 晴时多云 晴時多雲',
  ]
    .join(' ')
    .split(' '),
);

/** Share of a line's characters (separators aside) that navigation words must cover. */
export const NAV_SHARE = 0.5;

/** Longest line (characters, separators aside) taken for a line of navigation words. */
export const NAV_MAX_LENGTH = 24;

/** Regions of China, as listed in a site's region filter (按地区：全部 北京 上海 …). */
export const REGION_NAMES: readonly string[] = Object.freeze(
  [
    '全部 北京 上海 天津 重庆 重慶 河北 山西 辽宁 遼寧 吉林 黑龙江 黑龍江 江苏 江蘇 浙江',
    '安徽 福建 江西 山东 山東 河南 湖北 湖南 广东 廣東 海南 四川 贵州 貴州 云南 雲南 陕西',
    '陝西 陜西 甘肃 甘肅 青海 台湾 台灣 内蒙古 內蒙古 广西 廣西 西藏 宁夏 寧夏 新疆 香港',
    '澳门 澳門 其他 全国 全國',
  ]
    .join(' ')
    .split(' '),
);

/** What follows a region's name in a region filter (江苏省, 宁夏回族自治区). */
export const REGION_SUFFIXES: readonly string[] = Object.freeze(
  [
    '省 市 自治区 自治區 回族自治区 回族自治區 壮族自治区 壯族自治區 维吾尔自治区 維吾爾自治區',
    '特别行政区 特別行政區 地区 地區',
  ]
    .join(' ')
    .split(' '),
);

/** Share of a region filter's characters (separators aside) that names of regions must cover. */
export const REGION_SHARE = 0.9;

/** Fewest names in a line of regions (a region filter lists many). */
export const REGION_MIN_NAMES = 6;

/**
 * Short bare lines that carry a document's facts, never removed for their position: dates, bylines
 * with a source or a reporter, attachments, headings and titles, enumerated items, signatures.
 */
export const KEEP_LINE =
  /(?:\d{4}[ \t]{0,2}[-/.年][ \t]{0,2}\d{1,2}|[〇○零一二三四五六七八九十]{2,4}年[〇○零一二三四五六七八九十]{1,3}月|来源|來源|记者|記者|通讯员|通訊員|附件|附表|^[ \t\u3000]{0,4}(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[.、．]|第[一二三四五六七八九十\d]{1,3}[条章节])|(?:通知|通报|通報|决定|決定|方案|意见|意見|办法|辦法|公告|公示|报告|報告|名单|名單|事迹|事蹟|材料|总结|總結|计划|計劃|委员会|委員會|政府|卫生局|衛生局|健康局|卫健委|衛健委|医院|醫院|卫生院|衛生院|卫生所|衛生所|中心|协会|協會|学会|學會|办公室|辦公室|管理局|服务站|服務站|研究所|护理部|護理部|党委|黨委|支部|工会|工會)[ \t\u3000]{0,2}$)/;

/**
 * A line of prose: it delimits the head and the tail of a page. Lines with a sentence's punctuation,
 * or long lines.
 */
export const PROSE_PUNCTUATION = /[。！？；，、!?;]|[^\s\d],[^\s\d]/;
export const PROSE_MIN_LENGTH = 12;
export const PROSE_LONG_LINE = 60;

/** Longest line (trimmed) that may be removed as a short bare line between furniture. */
export const WEAK_MAX_LENGTH = 30;

/** Separators of navigation and link bars, ignored when measuring a line of navigation words. */
export const NAV_SEPARATORS = /[\s|｜/／>＞»›→·•・,，、:：\-–—()（）[\]【】]/g;

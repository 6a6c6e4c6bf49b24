/**
 * The boilerplate that template sites and document-sharing sites wrap around a document. Each rule
 * matches one whole line (trimmed) and removes it, or, for `tail` rules, the end of a line. Patterns
 * are anchored and use only bounded repetition, so that no input makes them backtrack badly.
 */
export interface NoiseRule {
  /** Rule id, as recorded in the change record: `scrape-noise/<id>`. */
  id: string;
  description: string;
  /** Matches a whole trimmed line (`line`), or the end of a line from where it matches (`tail`). */
  kind: 'line' | 'tail';
  pattern: RegExp;
  /**
   * `header`: only in the first lines of a scraped page, before a breadcrumb (a site's name would match
   * too many ordinary short lines elsewhere).
   */
  where?: 'header';
  /** A line it removes. */
  example: string;
  /** For `tail` rules: text every match contains, to find the few lines worth testing. */
  marker?: string;
}

export const NOISE_RULES: readonly NoiseRule[] = Object.freeze([
  {
    id: 'breadcrumb',
    description: '网站的位置导航（位置:首页 > …）',
    kind: 'line',
    pattern:
      /^(?:当前位置|當前位置|您的位置|您现在的位置|您現在的位置|您当前的位置|您當前的位置|您当前位置|您當前位置|当前的位置|當前的位置|所在位置|位置)是?\s{0,3}[:：]\s{0,3}(?:首页|首頁|主页|主頁|网站首页|網站首頁|[^\n>＞»›→]{1,40}[>＞»›→])[^\n]{0,200}$/,
    example: '位置:首頁 > 工作報告 > 事蹟材料',
  },
  {
    id: 'breadcrumb-path',
    description: '没有“位置：”字样的位置导航（首页 > 栏目 > 正文）',
    kind: 'line',
    pattern:
      /^(?:首页|首頁|主页|主頁|网站首页|網站首頁)(?:[ \t\u3000]{0,3}[>＞»›→/／][ \t\u3000]{0,3}[^\s>＞»›→/／]{1,20}){1,6}[ \t\u3000]{0,3}[>＞»›→/／]?$/,
    example: '首页 > 先进事迹 > 正文',
  },
  {
    id: 'article-info',
    description: '文章页的来源、发布时间、浏览次数等信息',
    kind: 'line',
    pattern:
      /^(?:[【\[［]?(?:来源|來源|信息来源|信息來源|文章来源|文章來源|作者|发布时间|發布時間|发布日期|發布日期|更新时间|更新時間|浏览次数|瀏覽次數|阅读次数|閱讀次數|点击数|點擊數|点击量|點擊量|访问量|訪問量|责任编辑|責任編輯|字号|字號|字体|字體)[ \t\u3000]{0,3}[:：][ \t\u3000]{0,3}[^\s:：【】\[\]［］]{0,40}?(?:[ \t][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?[ \t\u3000]{0,3}[】\]］]?[ \t\u3000]{0,3}){2,8}$/,
    example: '来源：新桥市卫生健康网　发布时间：2019-03-15　浏览次数：10',
  },
  {
    id: 'page-tools',
    description: '文章页的【打印本页】【关闭窗口】等按钮',
    kind: 'line',
    pattern:
      /^(?:[【\[［]?[ \t\u3000]{0,2}(?:打印本页|打印本頁|打印此页|打印此頁|打印页面|打印頁面|打印|关闭窗口|關閉窗口|关闭本页|關閉本頁|关闭|關閉|返回顶部|返回頂部|回到顶部|回到頂部|收藏本页|收藏本頁|加入收藏|字体[:：]?[ \t\u3000]{0,2}大[ \t\u3000]{0,2}中[ \t\u3000]{0,2}小|字體[:：]?[ \t\u3000]{0,2}大[ \t\u3000]{0,2}中[ \t\u3000]{0,2}小)[ \t\u3000]{0,2}[】\]］]?[ \t\u3000|/·]{0,3}){2,6}$/,
    example: '【打印本页】　【关闭窗口】',
  },
  {
    id: 'prev-next',
    description: '文章页的“上一篇：… 下一篇：…”链接',
    kind: 'line',
    pattern:
      /^(?:上一篇|下一篇|上一条|下一条|上一條|下一條)[ \t\u3000]{0,2}[:：][^\n]{0,80}?(?:[ \t\u3000]{0,4}(?:下一篇|下一条|下一條)[ \t\u3000]{0,2}[:：][^\n]{0,80})?$/,
    example: '上一篇：没有了　下一篇：没有了',
  },
  {
    id: 'site-name',
    description: '模板网站的站名（只在导航之前的页头）',
    kind: 'line',
    where: 'header',
    pattern:
      /^[^\s，。,；;！!？?：:]{0,12}(?:范文|範文|文库|文庫|文档|文檔|资料|資料|之家|网|網|帮|幫|站|吧)(?:网|網|帮|幫|站)?$/,
    example: '九九範文幫',
  },
  {
    id: 'action-bar',
    description: '收藏、分享、举报、下载等按钮',
    kind: 'line',
    pattern:
      /^(?:(?:收藏|分享|举报|舉報|下载|下載|相关|相關|打印|纠错|糾錯|评论|評論|点赞|點讚|关注|關注|赏|賞)[ \t]{0,3}(?:[(（][赏賞][)）])?[ \t|/·]{0,3}){2,8}$/,
    example: '收藏 分享(赏)',
  },
  {
    id: 'file-title',
    description: '文档分享网站列出的文件名（标题 .doc）',
    kind: 'line',
    pattern: /^[^\n]{1,120}?[ \t]?\.(?:docx?|wps|pdf|pptx?|xlsx?|txt)$/i,
    example: '2023年区卫生系统创建省级文明城市实施方案 .doc',
  },
  {
    id: 'document-info',
    description: '上传人、文档编号、上传时间、格式、页数、大小等文档信息',
    kind: 'line',
    pattern:
      /^(?:(?:上传人|上傳人|上传者|上傳者|贡献者|貢獻者|文档编号|文檔編號|上传时间|上傳時間|发布时间|格式|页数|頁數|大小|浏览|瀏覽|下载次数|下載次數|下载券|积分)[ \t]{0,3}[:：][ \t]{0,3}[^\s:：]{0,40}[ \t]{0,3}){2,12}$/,
    example: '上传人:g****t 文档编号:1296159 上传时间:2023-04-19 格式:DOC 页数:5 大小:14KB',
  },
  {
    id: 'page-preview',
    description: '文档分享网站的分页预览（文件名_第N页）',
    kind: 'line',
    pattern: /^[^\n]{0,120}\.(?:docx?|wps|pdf|pptx?|xlsx?|txt)_第\d{1,4}页$/i,
    example: '2023年区卫生系统创建省级文明城市实施方案 .doc_第1页',
  },
  {
    id: 'page-count',
    description: '页码（第N页 / 共M页）',
    kind: 'line',
    pattern: /^第[ \t]{0,2}\d{1,4}[ \t]{0,2}[页頁][ \t]{0,2}[/／,，]?[ \t]{0,2}共[ \t]{0,2}\d{1,4}[ \t]{0,2}[页頁]$/,
    example: '第1页 / 共5页',
  },
  {
    id: 'preview-end',
    description: '“亲，该文档总共…页”之类的预览提示',
    kind: 'line',
    pattern: /^亲[,，!！][^\n]{0,20}(?:文档|文檔|预览|預覽)[^\n]{0,80}$/,
    example: '亲,该文档总共5页,全部预览完了,如果喜欢就下载吧!',
  },
  {
    id: 'section-label',
    description: '网站的栏目标签（资源描述、相关资源、猜你喜欢、相关搜索、展开阅读全文）',
    kind: 'line',
    pattern:
      /^(?:资源描述|資源描述|文档描述|文本预览|展开阅读全文|展開閱讀全文|阅读全文|点击展开|相关资源|相關資源|猜你喜欢|猜你喜歡|相关搜索|相關搜索|相关推荐|相關推薦|相关文档|相關文檔|热门推荐|精品推荐|本文关键词)[ \t]{0,2}[:：]?[ \t]{0,2}[∨↓»>]?$/,
    example: '展开阅读全文',
  },
  {
    id: 'copyright',
    description: '网站的版权声明',
    kind: 'line',
    pattern: /^(?:(?:copyright|©)[^\n]{0,120}|[^\n]{0,80}(?:版权所有|版權所有|all rights reserved)[^\n]{0,40})$/i,
    example: 'copyright@ 2008-2023 wnwk.com网站版权所有',
  },
  {
    id: 'icp-licence',
    description: 'ICP 备案和经营许可证号',
    kind: 'line',
    pattern: /^[^\n]{0,40}(?:ICP备|ICP證|ICP证|经营许可证|經營許可證|增值电信业务)[^\n]{0,60}$/i,
    example: '经营许可证编号:浙ICP备2024059924号-2',
  },
  {
    id: 'summary-tail',
    description: '文档分享网站在末页追加的“内容总结”',
    kind: 'tail',
    pattern: /[ \t]{0,8}内容总结[ \t]{0,2}[(（]1[)）]/,
    marker: '内容总结',
    example: '…把开展、干事、亲民 内容总结(1)五、组织领导…',
  },
]);

/** Lines scanned for a page header (site name before the breadcrumb). */
export const HEADER_LINES = 6;

/** Leftover HTML tags, as found in table cells copied from web pages. */
export const HTML_TAG =
  /<\/?(?:p|br|span|div|font|strong|b|em|i|u|td|tr|th|table|tbody|thead)(?:\s[^<>]{0,200})?\s?\/?>/gi;

/** HTML entities left with the tags, and their characters. */
export const HTML_ENTITIES: Readonly<Record<string, string>> = Object.freeze({
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&ldquo;': '“',
  '&rdquo;': '”',
  '&mdash;': '—',
  '&hellip;': '…',
});
export const HTML_ENTITY = /&(?:nbsp|amp|lt|gt|quot|#39|ldquo|rdquo|mdash|hellip);/g;

/**
 * A page break that split a sentence leaves a paragraph ending in a character that cannot end one.
 * These end titles and headings instead, so a paragraph ending in them is never joined to the next.
 */
export const HEADING_ENDINGS =
  /(?:通知|通报|通報|决定|決定|方案|意见|意見|办法|辦法|公告|公示|报告|報告|请示|請示|批复|批覆|函|纪要|紀要|规定|規定|细则|細則|表|名单|名單|事迹|事蹟|材料|总结|總結|计划|計劃|要求|条件|條件|范围|範圍|程序|阶段|階段|附件\d{0,2}|目录|目錄|印发|印發|\d{1,2}日)$/;

/** Enumeration at the start of a paragraph: 一、 （一） 1. 1、 第一. */
export const ENUMERATION =
  /^[ \t\u3000]{0,4}(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[.、．]|第[一二三四五六七八九十\d]{1,3}[条章节])/;

/** A paragraph starting with these is a heading of its own (附件1：), never a continuation. */
export const HEADING_STARTS = /^(?:附件|附表|抄送|主送|联系人|聯繫人|联系电话|聯繫電話)/;

/** Characters that cannot start a paragraph: a paragraph starting with one continues the last. */
export const CONTINUATION_STARTS = /^[的地得了着們们]/;

/** Characters that end a sentence or a clause: a paragraph ending in one was not split. */
export const SENTENCE_END = /[。！？；：!?;:…”’」』）)\]】〕>》.,，、]$/;

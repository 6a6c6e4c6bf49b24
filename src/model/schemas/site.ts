import { z } from 'astro/zod';

/** The filing site every ICP备案号 links to. */
export const ICP_FILING_SITE = 'https://beian.miit.gov.cn/';

const text = (what: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `缺少${what}` : `${what}应为文字`) })
    .trim()
    .min(1, { error: `${what}不能为空` });

/**
 * `content/site.yaml`: who runs the site and what its footer must show. Read by the header,
 * footer, page titles, RSS, JSON-LD (`publisher`), open data and the 繁體 variant.
 */
export const SiteSchema = z
  .object({
    /** The site's name, in the header and every page title: `卫生健康先进事迹`. */
    name: text('站点名称（name）'),
    /** The body that runs the site (主办单位): `示例市卫生健康委员会`. */
    publisher: text('主办单位（publisher）'),
    /**
     * The published address, e.g. `https://wjw.example.gov.cn/honours/` (its path is the base path).
     * The build's `DEEDS_SITE_URL` overrides it.
     */
    url: z.url({ protocol: /^https?$/, error: '网站地址（url）应为以 http:// 或 https:// 开头的完整网址' }).optional(),
    /** How to reach the body: phone, e-mail or address, as one line. */
    contact: text('联系方式（contact）').optional(),
    /** 网站标识码 (government website identifier), ten digits or letters: `3201000001`. */
    site_code: z
      .preprocess(
        // Written without quotes it is read as a number: take its digits.
        (value) => (typeof value === 'number' ? String(value) : value),
        z
          .string({ error: '网站标识码（site_code）应为文字' })
          .regex(/^[0-9A-Za-z]{10}$/, { error: '网站标识码（site_code）应为 10 位数字或字母，如 3201000001' }),
      )
      .optional(),
    /** ICP备案号 and its link, which must be the filing site. */
    icp: z
      .object({
        number: text('ICP备案号（icp.number）'),
        url: z
          .string({ error: 'ICP备案号链接（icp.url）应为网址' })
          .refine((value) => value.replace(/\/?$/, '/') === ICP_FILING_SITE, {
            error: `ICP备案号链接（icp.url）应为工业和信息化部备案系统 ${ICP_FILING_SITE}`,
          })
          .default(ICP_FILING_SITE),
      })
      .strict()
      .optional(),
    /** 公安机关备案号 and, if given, its link on the public-security filing site. */
    police: z
      .object({
        number: text('公安机关备案号（police.number）'),
        url: z.url({ protocol: /^https?$/, error: '公安机关备案号链接（police.url）应为完整网址' }).optional(),
      })
      .strict()
      .optional(),
    /** The licence of the site's content, with an optional link. */
    license: z
      .object({
        name: text('内容许可（license.name）'),
        url: z.url({ protocol: /^https?$/, error: '内容许可链接（license.url）应为完整网址' }).optional(),
      })
      .strict(),
    /** A logo in `public/` (`/logo.svg`), shown in the header instead of the default mark. */
    logo: z
      .string({ error: '标志（logo）应为文字' })
      .regex(/^\/[^/].*\.(?:svg|png|webp)$/i, {
        error: '标志（logo）应为 public/ 下的图片路径，以 / 开头，如 /logo.svg',
      })
      .optional(),
    /** One line shown in every page's footer, e.g. that the content is made up. */
    notice: text('提示（notice）').optional(),
    /**
     * Share pictures (og:image): `auto` (default) draws one per awardee, honoured unit and write-up while
     * the site has at most `SHARE_IMAGES_EACH_LIMIT` of them and one for the whole site beyond;
     * `each` always one per page, `site` one for the whole site, `none` no picture.
     */
    share_images: z
      .preprocess(
        // As pasted: spaces, invisible format characters (zero-width, BOM, direction marks), capitals.
        (value) =>
          typeof value === 'string'
            ? value
                .replace(/\p{Cf}/gu, '')
                .trim()
                .toLowerCase()
            : value,
        z.enum(['auto', 'each', 'site', 'none'], {
          error: '分享图片（share_images）应为 auto、each、site 或 none',
        }),
      )
      .default('auto'),
  })
  .strict();

export type Site = z.infer<typeof SiteSchema>;

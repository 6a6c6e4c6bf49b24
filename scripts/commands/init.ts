/**
 * `deeds init --name <主办单位> --url <网站地址> [--site-name <站点名称>] [--yes]`: turn the demo
 * checkout into an issuer's own empty site (`src/model/init-site.ts`). Asks before deleting unless
 * `--yes`; without a terminal to ask on, refuses. Refuses when `content/` holds anything that is not
 * the demo's.
 *
 * For maintainers: `deeds init --update-demo-manifest` records the demo's files as they are now
 * (run it after changing the demo content).
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { cwd, stderr, stdin, stdout } from 'node:process';
import {
  DEFAULT_SITE_NAME,
  DEMO_MANIFEST_PATH,
  demoManifestOf,
  initSite,
  normaliseSiteUrl,
  surveyContent,
} from '../../src/model/init-site.ts';
import { parseCommandArgs } from './shared.ts';

export const usage = `用法：npm run --silent deeds -- init --name <主办单位> --url <网站地址> [--site-name <站点名称>] [--yes]

把示例站变成本单位自己的空站点：
  1. 删除 content/ 中的示例内容（示例通知、名单、事迹、单位名录和词表）；
  2. 写入 content/site.yaml（站点名称、主办单位、网站地址；备案号等字段以注释列出，按需填写）；
  3. 写入空的单位名录 content/units.yaml 和受保护词表 content/glossary.yaml。
之后 npm run build 即得到一个没有任何条目的站点，可以开始发布。

  --name       主办单位，如“某市卫生健康委员会”
  --url        网站地址，如 https://wjw.example.gov.cn/honours/（路径部分即站点所在路径）
  --site-name  站点名称，默认“${DEFAULT_SITE_NAME}”
  --yes        不再询问，直接删除示例内容

只删除与示例完全相同的文件：content/ 中有任何别的文件（包括改过的示例文件）时，init 不做任何改动。`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('init', usage, args, {
    name: { type: 'string' },
    url: { type: 'string' },
    'site-name': { type: 'string' },
    yes: { type: 'boolean', short: 'y', default: false },
    'update-demo-manifest': { type: 'boolean', default: false },
  });
  if (!parsed) return 2;
  const root = cwd();

  if (parsed.values['update-demo-manifest']) {
    const manifest = demoManifestOf(root);
    writeFileSync(DEMO_MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
    stdout.write(`已记录示例内容 ${manifest.files.length} 个文件：${relative(root, DEMO_MANIFEST_PATH)}\n`);
    return 0;
  }

  const publisher = parsed.values.name?.trim();
  if (!publisher || !parsed.values.url) {
    stderr.write(`deeds init：需要 --name（主办单位）和 --url（网站地址）。\n${usage}\n`);
    return 2;
  }
  const url = normaliseSiteUrl(parsed.values.url);
  if (!url.ok) {
    stderr.write(`deeds init：${url.message}\n`);
    return 2;
  }
  const siteName = parsed.values['site-name']?.trim() || undefined;

  const survey = surveyContent(root);
  if (!survey.ok) {
    const why = survey.reason === 'changed' ? '是改过的示例文件' : '不是示例内容';
    const more = survey.foreignCount > 1 ? `（共 ${survey.foreignCount} 个这样的文件）` : '';
    stderr.write(
      `deeds init：${survey.foreign} ${why}${more}。init 只用于从示例开始建站，不会删除您自己的内容；` +
        `如确要重新开始，请先自行移走这些文件。\n`,
    );
    return 1;
  }

  if (!parsed.values.yes) {
    if (!stdin.isTTY) {
      stderr.write('deeds init：将删除示例内容，需要确认；非交互运行时请加 --yes。\n');
      return 2;
    }
    stdout.write(
      `将删除 content/ 中的示例内容（${survey.demo.length} 个文件），并为“${publisher}”写入 content/site.yaml（网站地址 ${url.url}）。\n`,
    );
    const prompt = createInterface({ input: stdin, output: stdout });
    const answer = (await prompt.question('确认继续？[y/N] ')).trim().toLowerCase();
    prompt.close();
    if (answer !== 'y' && answer !== 'yes' && answer !== '是') {
      stdout.write('已取消，未做任何改动。\n');
      return 1;
    }
  }

  let result;
  try {
    result = initSite(root, survey.demo, { publisher, url: url.url, name: siteName });
  } catch (error) {
    stderr.write(`deeds init：站点信息有误：\n${(error as Error).message}\n`);
    return 2;
  }
  stdout.write(
    [
      `已删除示例内容 ${result.removed.length} 个文件。`,
      `已写入 ${result.written.join('、')}。`,
      '',
      '下一步：',
      '  1. 打开 content/site.yaml，补全联系方式、网站标识码、备案号等（按需）；',
      '  2. npm run deeds -- new announcement --title <标题>  新建第一条通知；',
      '  3. npm run build  生成站点（在 dist/）。',
      '',
    ].join('\n'),
  );
  return 0;
}

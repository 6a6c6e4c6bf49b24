/**
 * The two sites the benchmark builds from one corpus:
 *
 * - the project site: a temporary project root with copies of this project's `src/`, `scripts/`,
 *   `public/` and configuration, whose `content/` is the generated corpus — `npm run build` there is
 *   exactly what it is here;
 * - the baseline: a stock Astro + `@astrojs/mdx` site with a glob loader and one page template, given
 *   the same deeds as plain `.mdx` files and no pipeline.
 *
 * Both get their own `node_modules/` folder of symlinks to this project's packages, so Astro's and
 * Vite's caches (`node_modules/.astro`, `node_modules/.vite`) start empty and stay in the temp root.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files and folders of the project that a build reads. */
const PROJECT_FILES = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

/** A `node_modules` folder whose entries link to `source`'s, with the cache folders left out. */
export function linkNodeModules(source: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(source)) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(source, name), join(target, name));
  }
}

/**
 * Make `root` a copy of the project at `projectRoot`, with `content/` left for the corpus. The copy
 * is of the last commit (`git archive HEAD`), so that work in progress in the working tree does not
 * break or skew the measurement; `source: 'worktree'` copies the files as they are instead.
 */
export function prepareProjectSite(projectRoot: string, root: string, source: 'head' | 'worktree' = 'head'): void {
  mkdirSync(root, { recursive: true });
  const present = PROJECT_FILES.filter((name) => existsSync(join(projectRoot, name)));
  const archived =
    source === 'head' &&
    spawnSync('sh', ['-c', 'git archive --format=tar HEAD -- "$@" | tar -x -C "$0"', root, ...present], {
      cwd: projectRoot,
      stdio: 'ignore',
    }).status === 0;
  if (!archived) {
    for (const name of present) cpSync(join(projectRoot, name), join(root, name), { recursive: true });
  }
  linkNodeModules(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
}

const BASELINE_CONFIG = `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://honours.example.gov.cn',
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
`;

const BASELINE_CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const deeds = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/deeds' }),
  schema: z.object({ title: z.string() }).passthrough(),
});

export const collections = { deeds };
`;

const BASELINE_PAGE = `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  const entries = await getCollection('deeds');
  return entries.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN">
  <head><meta charset="utf-8" /><title>{entry.data.title}</title></head>
  <body>
    <main>
      <h1>{entry.data.title}</h1>
      <Content />
    </main>
  </body>
</html>
`;

/**
 * Make `root` a stock Astro + MDX site. Its `content/deeds/` is a copy of the corpus's deeds
 * (copied, not linked, so both builds read ordinary files).
 */
export function prepareBaselineSite(projectRoot: string, root: string, corpusContentDir: string): void {
  mkdirSync(join(root, 'src', 'pages', 'deeds'), { recursive: true });
  writeFileSync(join(root, 'astro.config.mjs'), BASELINE_CONFIG);
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'baseline', private: true, type: 'module' }));
  writeFileSync(join(root, 'src', 'content.config.ts'), BASELINE_CONTENT_CONFIG);
  writeFileSync(join(root, 'src', 'pages', 'deeds', '[...id].astro'), BASELINE_PAGE);
  cpSync(join(corpusContentDir, 'deeds'), join(root, 'content', 'deeds'), {
    recursive: true,
  });
  linkNodeModules(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
}

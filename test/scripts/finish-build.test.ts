/**
 * `scripts/finish-build.ts`, the second half of `npm run build`: it runs the steps Astro's process
 * wrote down, ends with the swap into place, and when a step fails it says so and leaves the served
 * site as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { laterStepsFile, runOrDefer, writeLaterSteps } from '../../src/integrations/later-steps.ts';
import { PROJECT_ROOT } from '../helpers/seeds.ts';
import { tempDir } from '../helpers/temp.ts';

const SCRIPT = join(PROJECT_ROOT, 'scripts', 'finish-build.ts');
const ATOMIC = pathToFileURL(join(PROJECT_ROOT, 'src', 'integrations', 'atomic-output.ts')).href;
const quiet = { info: () => {}, warn: () => {} };

function finish(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [SCRIPT, ...args], { cwd, encoding: 'utf8' });
}

describe('finish-build', () => {
  let root: string;
  let steps: string;
  const saved = process.env.DEEDS_FINISH;
  beforeEach(() => {
    root = tempDir('deeds-finish-');
    steps = join(root, 'steps.mjs');
    writeFileSync(
      steps,
      [
        `import { writeFileSync } from 'node:fs';`,
        `export function mark(args, logger) { writeFileSync(args.file, 'done'); logger.info('标记已写'); }`,
        `export function fail() { throw new Error('Pagefind 没有找到'); }`,
      ].join('\n'),
    );
    // The served site, and the new one waiting beside it.
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), 'old');
    mkdirSync(join(root, '.dist.partial'));
    writeFileSync(join(root, '.dist.partial', 'index.html'), 'new');
    process.env.DEEDS_FINISH = 'later';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.DEEDS_FINISH;
    else process.env.DEEDS_FINISH = saved;
  });

  const queue = async (...names: string[]) => {
    for (const name of names) {
      const swap = name === 'swap';
      const run = Object.defineProperty(() => {}, 'name', { value: swap ? 'swapIntoPlace' : name });
      await runOrDefer(
        swap ? 'deeds:atomic-output' : 'test-step',
        swap ? ATOMIC : pathToFileURL(steps).href,
        run,
        swap
          ? { partialDir: join(root, '.dist.partial'), finalDir: join(root, 'dist') }
          : { file: join(root, 'marked') },
        quiet,
      );
    }
    writeLaterSteps(join(root, 'dist'));
  };

  test('runs the steps in order, the swap last, and forgets them', async () => {
    await queue('mark', 'swap');
    const result = finish(root);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\[test-step\] 标记已写/);
    expect(result.stdout).toMatch(/\[deeds:atomic-output\] site written to /);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(root, '.dist.partial'))).toBe(false);
    expect(existsSync(laterStepsFile(join(root, 'dist')))).toBe(false);
  });

  test('a step that fails: exit 1, the reason in Chinese, and the served site untouched', async () => {
    await queue('mark', 'fail', 'swap');
    const result = finish(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('构建未完成，原有网站保持不变：Pagefind 没有找到');
    expect(readFileSync(join(root, 'marked'), 'utf8')).toBe('done');
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('old');
  });

  test('another output folder is named with --outDir', async () => {
    await queue('mark');
    expect(finish(root, `--outDir=dist`).status).toBe(0);
    expect(existsSync(join(root, 'marked'))).toBe(true);
  });

  test('npm run build -- --outDir x: Astro built dist, so the steps for x are missing, and it says so', async () => {
    // npm appends the arguments to the script's last command: astro build never saw them.
    await queue('mark', 'swap');
    const result = finish(root, '--outDir', join(tempDir('deeds-finish-other-'), 'site'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/没有 \S+deeds-finish-other-\S+ 的后续构建步骤/);
    expect(result.stderr).toContain(join(root, 'dist'));
    expect(result.stderr).toContain('astro build --outDir');
    // Nothing was run, and the served site is as it was.
    expect(existsSync(join(root, 'marked'))).toBe(false);
    expect(readFileSync(join(root, 'dist', 'index.html'), 'utf8')).toBe('old');
  });

  test('nothing written down: nothing to do; a stray argument: the usage', () => {
    const none = finish(root);
    expect(none.status).toBe(0);
    expect(none.stdout + none.stderr).toBe('');
    const wrong = finish(root, '--out', 'dist');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('用法：');
  });
});

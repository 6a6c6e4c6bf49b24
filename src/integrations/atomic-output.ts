/**
 * Make `astro build` all-or-nothing: the site is built into a sibling folder and swapped into place
 * only when every step (pages, reading variant, open data, search index) has succeeded. A failed build
 * leaves the previous `dist/` as it was — never a half site. Add it LAST to the integrations list, so
 * that the other integrations' `astro:build:done` hooks run before the swap. With `DEEDS_FINISH=later`
 * the swap is the last of the steps `scripts/finish-build.ts` runs after Astro exits (later-steps.ts).
 *
 * It also gives each output folder a cache folder of its own (Astro's `cacheDir`: the content store
 * and the incremental build's manifest and copies of the pages, docs/architecture.md → Incremental
 * builds). Test sites link one `node_modules/` and build side by side, the demo at two addresses: with
 * one shared manifest, one build could restore a page another had just rendered for another address.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { finishLater, forgetLaterSteps, runOrDefer, writeLaterSteps, type StepLogger } from './later-steps.ts';

export default function atomicOutput(): AstroIntegration {
  let finalDir = '';
  let partialDir = '';
  return {
    name: 'deeds:atomic-output',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build') return;
        finalDir = fileURLToPath(config.outDir).replace(/[\/]+$/, '');
        partialDir = join(dirname(finalDir), `.${basename(finalDir)}.partial`);
        rmSync(partialDir, { recursive: true, force: true });
        forgetLaterSteps(finalDir);
        const stale = leftovers(finalDir);
        if (stale.length > 0) removeInBackground(stale);
        const cacheDir = outputCacheDir(fileURLToPath(config.cacheDir), finalDir);
        updateConfig({ outDir: pathToFileURL(partialDir + '/'), cacheDir: pathToFileURL(cacheDir + '/') });
      },
      'astro:build:done': async ({ logger }) => {
        if (!partialDir || !existsSync(partialDir)) return;
        await runOrDefer('deeds:atomic-output', import.meta.url, swapIntoPlace, { partialDir, finalDir }, logger);
        // With DEEDS_FINISH=later the steps queued so far (this one last) are written for scripts/finish-build.ts.
        if (finishLater())
          logger.info(`构建的后续步骤记在 ${writeLaterSteps(finalDir)}，由 scripts/finish-build.ts 完成`);
      },
    },
  };
}

/**
 * Put the finished site in place. The previous site is moved aside under a name of its own and deleted
 * in the background: at 10,000 write-ups (40,000 pages and the search index) deleting it took the build 22 s.
 */
export function swapIntoPlace(
  { partialDir, finalDir }: { partialDir: string; finalDir: string },
  logger: StepLogger,
): void {
  const previous = `${finalDir}.previous-${process.pid}-${Date.now()}`;
  if (existsSync(finalDir)) renameSync(finalDir, previous);
  renameSync(partialDir, finalDir);
  if (existsSync(previous)) removeInBackground([previous]);
  logger.info(`site written to ${finalDir}`);
}

/**
 * `<cacheDir>/outputs/<digest of the output folder>/`, with the folder's path in `output.txt`. Folders of
 * outputs that are gone (a test's temporary project) are removed.
 */
export function outputCacheDir(cacheDir: string, finalDir: string): string {
  const base = join(cacheDir, 'outputs');
  const own = createHash('sha1').update(finalDir).digest('hex').slice(0, 12);
  const folder = join(base, own);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'output.txt'), finalDir);
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const other of readdirSync(base)) {
    if (other === own) continue;
    try {
      const record = join(base, other, 'output.txt');
      const output = readFileSync(record, 'utf8');
      // A project that is gone (its folder removed) at once; an output not yet made (a first build
      // under way elsewhere) only after a day.
      if (!existsSync(output) && (!existsSync(dirname(output)) || statSync(record).mtimeMs < dayAgo)) {
        rmSync(join(base, other), { recursive: true, force: true });
      }
    } catch {
      // Another build's folder being made, or already removed.
    }
  }
  return folder;
}

/** Earlier sites moved aside whose deletion did not finish (the machine stopped, say). */
function leftovers(finalDir: string): string[] {
  const prefix = `${basename(finalDir)}.previous`;
  try {
    return readdirSync(dirname(finalDir))
      .filter((name) => name.startsWith(prefix))
      .map((name) => join(dirname(finalDir), name));
  } catch {
    return [];
  }
}

/** Delete folders in a detached process that outlives the build: nothing waits for it. */
function removeInBackground(paths: readonly string[]): void {
  const script =
    'for (const p of process.argv.slice(1)) require("node:fs").rmSync(p, { recursive: true, force: true });';
  try {
    spawn(process.execPath, ['-e', script, ...paths], { detached: true, stdio: 'ignore' }).unref();
  } catch {
    for (const path of paths) rmSync(path, { recursive: true, force: true });
  }
}

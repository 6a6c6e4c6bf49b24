/**
 * Make `astro build` all-or-nothing: the site is built into a sibling folder and swapped into place
 * only when every step (pages, reading variant, open data, search index) has succeeded. A failed build
 * leaves the previous `dist/` as it was — never a half site. Add it LAST to the integrations list, so
 * that the other integrations' `astro:build:done` hooks run before the swap.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

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
        updateConfig({ outDir: pathToFileURL(partialDir + '/') });
      },
      'astro:build:done': ({ logger }) => {
        if (!partialDir || !existsSync(partialDir)) return;
        const previous = `${finalDir}.previous`;
        rmSync(previous, { recursive: true, force: true });
        if (existsSync(finalDir)) renameSync(finalDir, previous);
        renameSync(partialDir, finalDir);
        rmSync(previous, { recursive: true, force: true });
        logger.info(`site written to ${finalDir}`);
      },
    },
  };
}

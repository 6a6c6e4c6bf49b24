/**
 * A project root for a fixture site: this project's code with a fixture's `content/`.
 * The code is a copy of the real project's, so the fixture builds exactly what `npm run build` builds.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './seeds.ts';
import { buildScript } from '../../tools/build-script.ts';

// Astro's compiler caches metadata by real path, so code is copied; only node_modules is linked.
const COPIED = ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'];
const LINKED = ['node_modules'];

export interface FixtureRoot {
  root: string;
  remove(): void;
}

/** Make a temporary root whose `content/` is a copy of `contentDir`. */
export function fixtureRoot(contentDir: string): FixtureRoot {
  const root = mkdtempSync(join(tmpdir(), 'deeds-fixture-'));
  for (const name of COPIED) cpSync(join(PROJECT_ROOT, name), join(root, name), { recursive: true });
  for (const name of LINKED) symlinkSync(join(PROJECT_ROOT, name), join(root, name));
  cpSync(contentDir, join(root, 'content'), { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * `npm run build` in a fixture root, synchronously, as npm runs it (the package's script, tools/build-script.ts):
 * `astro build` writes the pages, then its later steps run in a process of their own.
 */
export function buildFixture(root: string): SpawnSyncReturns<string> {
  const [command, args] = buildScript(root);
  return spawnSync(command, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}

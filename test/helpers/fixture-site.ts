/**
 * A project root for a fixture site: this project's code with a fixture's `content/`.
 * Everything but `content/` is a symlink to the real project, so the fixture builds exactly
 * what `npm run build` builds.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from './seeds.ts';

const LINKED = ['src', 'public', 'node_modules', 'astro.config.mjs', 'package.json', 'tsconfig.json'];

export interface FixtureRoot {
  root: string;
  remove(): void;
}

/** Make a temporary root whose `content/` is a copy of `contentDir`. */
export function fixtureRoot(contentDir: string): FixtureRoot {
  const root = mkdtempSync(join(tmpdir(), 'deeds-fixture-'));
  for (const name of LINKED) symlinkSync(join(PROJECT_ROOT, name), join(root, name));
  cpSync(contentDir, join(root, 'content'), { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * The seed documents live in `../shared/seeds/` beside the clone (CI has them; a user's clone
 * does not). Tests that read them use `describeSeeds`, which skips with a message where absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS_DIR = resolve(PROJECT_ROOT, '../shared/seeds');
export const hasSeeds = existsSync(join(SEEDS_DIR, 'expected.json'));

export const SEED_FILES = [
  'announcement-wujin-2023.txt',
  'announcement-xuchang-2021.txt',
  'deed-unit-traditional-template-site.txt',
  'plan-doc-sharing-site-spun.txt',
  'news-nanyang-traditional-pinyin.txt',
] as const;

export type SeedFile = (typeof SEED_FILES)[number];

if (!hasSeeds) {
  console.warn(`[seeds] ${SEEDS_DIR} not found: tests on the seed documents are skipped (they run in CI).`);
}

/**
 * `describe` where the seeds exist, a skipped suite (with the one-line warning above) where they do not.
 * The body is not run where they are absent: Vitest runs a skipped suite's body to collect its tests,
 * and a body that reads a seed would throw before anything is skipped.
 */
export const describeSeeds = (name: string, body: () => void): void => {
  if (hasSeeds) describe(name, body);
  else describe.skip(name, () => undefined);
};

export function seedPath(name: SeedFile): string {
  return join(SEEDS_DIR, name);
}

export function readSeed(name: SeedFile): string {
  return readFileSync(seedPath(name), 'utf8');
}

export interface ExpectedSeed {
  file: SeedFile;
  [key: string]: unknown;
}

export function expectedSeeds(): ExpectedSeed[] {
  return JSON.parse(readFileSync(join(SEEDS_DIR, 'expected.json'), 'utf8')) as ExpectedSeed[];
}

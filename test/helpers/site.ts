/**
 * Build a site once and share it between test files (Vitest runs files in separate workers).
 * The build goes to `test-output/sites/<name>-<hash>/`, keyed by the sources it depends on, and is
 * guarded by a directory lock so that parallel workers wait instead of building twice.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from './seeds.ts';

export interface BuildOptions {
  /** A name for the build, used in its folder name. */
  name?: string;
  /** The project root to build (a fixture site may have its own). Default: this project. */
  root?: string;
  /** Extra environment for the build. */
  env?: Record<string, string>;
}

export interface BuiltSite {
  /** The built site's folder (Astro's `dist/`). */
  dir: string;
  /** What the build printed. */
  log: string;
}

const SOURCES = ['src', 'content', 'public', 'astro.config.mjs', 'package-lock.json'];

function fingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) walk(join(path, name));
    } else {
      hash.update(`${relative(root, path)}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  for (const source of SOURCES) walk(join(root, source));
  return hash.digest('hex').slice(0, 12);
}

export async function buildSite(options: BuildOptions = {}): Promise<BuiltSite> {
  const root = options.root ?? PROJECT_ROOT;
  const name = options.name ?? 'demo';
  const base = join(PROJECT_ROOT, 'test-output', 'sites');
  mkdirSync(base, { recursive: true });
  const dir = join(base, `${name}-${fingerprint(root)}`);
  const done = join(dir, '.complete');
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(done)) return { dir, log: '' };
    try {
      mkdirSync(lock);
      break;
    } catch {
      await sleep(500);
    }
  }
  try {
    if (existsSync(done)) return { dir, log: '' };
    rmSync(dir, { recursive: true, force: true });
    const astro = join(PROJECT_ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const result = spawnSync(process.execPath, [astro, 'build', '--outDir', dir], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
      maxBuffer: 256 * 1024 * 1024,
    });
    const log = `${result.stdout}\n${result.stderr}`;
    if (result.status !== 0) throw new Error(`site build failed (${root}):\n${log.slice(-4000)}`);
    writeFileSync(done, new Date().toISOString());
    return { dir, log };
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The demo as a commission would publish it: a section of its site, under `/honours/`. */
export const BASE_PATH_SITE = { url: 'https://wjw.example.gov.cn/honours/', base: '/honours/' } as const;

/** The demo built with `DEEDS_SITE_URL=https://wjw.example.gov.cn/honours/`, shared by the test files. */
export function buildBasePathSite(): Promise<BuiltSite> {
  return buildSite({ name: 'demo-base-honours', env: { DEEDS_SITE_URL: BASE_PATH_SITE.url } });
}

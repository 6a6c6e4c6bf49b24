/**
 * `npm run build` as npm runs it, without npm's own process: the package's `build` script through
 * `sh -c`, with the project's `node_modules/.bin` first on PATH (its pinned Node, `astro`). The
 * benchmark measures this command's process tree, and fixture sites in the tests build with it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `[command, args]` running `root`'s build script. */
export function buildScript(root: string): [string, string[]] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> })
    .scripts;
  const script = scripts?.build ?? 'astro build';
  const bin = join(root, 'node_modules', '.bin').replace(/'/g, `'\\''`);
  return ['sh', ['-c', `PATH='${bin}':"$PATH"; export PATH; ${script}`]];
}

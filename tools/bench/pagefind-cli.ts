/**
 * Pagefind's own command line, as the `pagefind` npm package installed it (its platform package,
 * `@pagefind/<platform>-<arch>/bin/pagefind_extended`), found the way `src/integrations/pagefind.ts` finds it:
 * the benchmark runs it with its defaults over the stock baseline's output, the stock side of the
 * whole-build comparison.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The Pagefind executable installed in `projectRoot`'s `node_modules/`. */
export function pagefindBinary(projectRoot: string): string {
  const override = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (override) return override;
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  // The platform package is an optional dependency of `pagefind`: resolve it from there.
  const require = createRequire(join(projectRoot, 'node_modules', 'pagefind', 'package.json'));
  // npm installs the extended build (with its Chinese segmentation) where available, as the site uses.
  for (const name of ['pagefind_extended', 'pagefind']) {
    const executable = platform === 'windows' ? `${name}.exe` : name;
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${executable}`);
    } catch {
      // try the next name
    }
  }
  throw new Error(`no Pagefind binary for ${platform}-${process.arch} under ${projectRoot}/node_modules; run npm ci`);
}

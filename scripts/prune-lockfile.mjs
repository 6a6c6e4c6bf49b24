// Keep package-lock.json installable with `npm ci` from the registry this project's machines reach.
//
// That registry lacks some platform-specific optional packages (for example @pagefind/darwin-arm64@1.6.0 and
// @astrojs/compiler-binding-android-arm64@0.5.1). npm then records optional edges to packages it could not
// resolve, and `npm ci` rejects the lockfile as "out of sync" ("Missing: …@ from lock file"). This removes
// optional edges that point at packages absent from the lockfile. It runs as the root `postinstall` script,
// so every `npm install` leaves a lockfile that `npm ci` accepts; it changes nothing when nothing dangles.
// Plain JavaScript on purpose: it runs under whatever Node the machine has, before the pinned one exists.
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
let lock;
try {
  lock = JSON.parse(readFileSync(path, 'utf8'));
} catch {
  process.exit(0);
}
const present = new Set(Object.keys(lock.packages ?? {}).map((key) => key.replace(/^.*node_modules\//, '')));
const pruned = [];
for (const entry of Object.values(lock.packages ?? {})) {
  const optional = entry.optionalDependencies;
  if (!optional) continue;
  for (const name of Object.keys(optional)) {
    if (!present.has(name)) {
      delete optional[name];
      pruned.push(name);
    }
  }
}
if (pruned.length > 0) {
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`prune-lockfile: removed ${pruned.length} optional edges the registry cannot serve`);
}

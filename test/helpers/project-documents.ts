/** Every MDX document the project has, the demo content and the test fixtures, for tests that run over all of them. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './seeds.ts';

/** `[path, text]` of each `.mdx` file under `content/` and `test/fixtures/`, path relative to the project. */
export function projectDocuments(): Array<readonly [path: string, text: string]> {
  return ['content', 'test/fixtures'].flatMap((folder) =>
    readdirSync(join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.mdx'))
      .map((file) => [`${folder}/${file}`, readFileSync(join(PROJECT_ROOT, folder, file), 'utf8')] as const),
  );
}

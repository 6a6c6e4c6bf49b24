/**
 * `npm run docs`: write what is generated from code — the README's rule table and `docs/rules.md` —
 * formatted as Prettier formats the rest of the repository.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { ruleGuide, withRuleTable } from './rules.ts';

const root = new URL('../../', import.meta.url);

/** Each generated file with its text, formatted as Prettier formats the repository. */
export async function generatedDocs(): Promise<Array<{ path: string; text: string }>> {
  const out: Array<{ path: string; text: string }> = [];
  const add = async (path: string, text: string) => {
    const file = new URL(path, root);
    const options = (await resolveConfig(file)) ?? {};
    out.push({ path, text: await format(text, { ...options, filepath: file.pathname }) });
  };
  await add('docs/rules.md', ruleGuide());
  await add('README.md', withRuleTable(readFileSync(new URL('README.md', root), 'utf8')));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { path, text } of await generatedDocs()) {
    writeFileSync(new URL(path, root), text);
    console.log(`wrote ${path}`);
  }
}

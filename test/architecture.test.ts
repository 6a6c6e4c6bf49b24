/**
 * The layers of src/ (docs/architecture.md) hold: `.dependency-cruiser.cjs` names the imports that run the
 * wrong way, and `npm run lint` and this test both run it. A planted violation of each kind must be
 * reported, so the rule set cannot pass by matching nothing.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { tempDir } from './helpers/temp.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruiser.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(cwd: string, paths: string[]): Violation[] {
  const run = spawnSync(process.execPath, [DEPCRUISE, ...paths, '--config', CONFIG, '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`dependency-cruiser failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('architecture', () => {
  test('no import in src/, scripts/ or tools/ runs the wrong way', () => {
    const violations = cruise(ROOT, ['src', 'scripts', 'tools']);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 60_000);

  test('a planted import of each forbidden kind is reported', () => {
    const root = tempDir('deeds-architecture-');
    const files: Record<string, string> = {
      'tsconfig.json': '{}',
      'src/lib/pure.ts': "import { schema } from '../model/schema.ts';\nexport const pure = schema;\n",
      'src/model/schema.ts': "import { stage } from '../pipeline/normalise/stage.ts';\nexport const schema = stage;\n",
      'src/pipeline/normalise/stage.ts': "import { page } from '../../site/page.ts';\nexport const stage = page;\n",
      'src/pipeline/extract/reader.ts': "import { rule } from '../check/rule.ts';\nexport const reader = rule;\n",
      'src/pipeline/check/rule.ts': 'export const rule = 1;\n',
      'src/site/page.ts': "import { run } from '../project/run.ts';\nexport const page = run;\n",
      'src/project/run.ts': "import { helper } from '../../test/helpers/x.ts';\nexport const run = helper;\n",
      'src/search/engine.ts': "import { schema } from '../model/schema.ts';\nexport const engine = schema;\n",
      'src/site/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
      'src/site/b.ts': "import { a } from './a.ts';\nexport const b = a;\n",
      'test/helpers/x.ts': 'export const helper = 1;\n',
    };
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    const found = new Set(cruise(root, ['src']).map((v) => `${v.rule.name} ${v.from}`));
    for (const expected of [
      'lib-is-pure src/lib/pure.ts',
      'model-below-pipeline src/model/schema.ts',
      'pipeline-not-site src/pipeline/normalise/stage.ts',
      'stages-apart src/pipeline/extract/reader.ts',
      'site-reads-not-runs src/site/page.ts',
      'src-not-harness src/project/run.ts',
      'search-apart src/search/engine.ts',
      'no-circular src/site/a.ts',
    ])
      expect(found, expected).toContain(expected);
  }, 60_000);
});

/**
 * Read the registries editors keep beside the content: `content/units.yaml` and
 * `content/glossary.yaml`, and validate `content/site.yaml` (`site-config.ts`). Bad entries are
 * reported with file and line, never thrown as stack traces.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq } from 'yaml';
import type { z } from 'astro/zod';
import { GlossarySchema, UnitRegistrySchema, type GlossaryTerm, type Unit } from './schemas/index.ts';
import { loadSite } from './site-config.ts';
import { parseYamlWithPositions, type YamlProblem } from '../lib/yaml-positions.ts';

export type RegistryProblem = YamlProblem;

export interface Registries {
  units: Unit[];
  glossary: GlossaryTerm[];
  problems: RegistryProblem[];
}

export function loadRegistries(contentDir: string): Registries {
  const problems: RegistryProblem[] = [];
  const units = readRegistry(join(contentDir, 'units.yaml'), UnitRegistrySchema, problems) as Unit[];
  const glossary = readRegistry(join(contentDir, 'glossary.yaml'), GlossarySchema, problems) as GlossaryTerm[];
  // content/site.yaml is checked with the registries, so that `deeds check` reports it too.
  problems.push(...loadSite(contentDir).problems);
  return { units, glossary, problems };
}

function readRegistry(file: string, schema: z.ZodType, problems: RegistryProblem[]): unknown[] {
  if (!existsSync(file)) return [];
  const { doc, at } = parseYamlWithPositions(readFileSync(file, 'utf8'), file, problems);
  if (!doc) return [];
  const result = schema.safeParse(doc.toJS() ?? []);
  if (result.success) return result.data as unknown[];
  for (const issue of result.error.issues) {
    const index = typeof issue.path[0] === 'number' ? issue.path[0] : undefined;
    const item = index !== undefined && isSeq(doc.contents) ? doc.contents.items[index] : undefined;
    const offset = (item as { range?: number[] } | undefined)?.range?.[0] ?? 0;
    problems.push({
      file,
      ...at(offset),
      message: `第 ${(index ?? 0) + 1} 项 ${issue.path.slice(1).join('.')}：${issue.message}`,
    });
  }
  return [];
}

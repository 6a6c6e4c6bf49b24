/**
 * Checks that look across files (references, duplicates). PLACEHOLDER until the checks land.
 */
import type { VFile } from 'vfile';
import type { ProjectEntry } from './project.ts';
import type { PipelineContext } from './types.ts';

export function projectChecks(_entries: readonly ProjectEntry[], _context: PipelineContext): VFile[] {
  return [];
}

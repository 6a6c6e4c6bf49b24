/**
 * The content checks, in order. PLACEHOLDER until the checks land: no rules yet.
 */
import type { PluggableList } from 'unified';
import type { PipelineContext } from './types.ts';

export function checkPlugins(_context: PipelineContext): PluggableList {
  return [];
}

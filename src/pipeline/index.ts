/**
 * The content pipeline: normalise → check → extract → render.
 * Each stage is a unified plugin in its own file; this module exports them in order.
 */
export * from './types.ts';
export {
  normaliseText,
  normaliseMarkdown,
  normalisePlugins,
  restore,
  mapToSource,
  type NormaliseResult,
  type NormaliseContext,
} from './normalise/normalise.ts';
export { checkPlugins } from './check/checks.ts';
export { extractDocument, extractPlugins, type ExtractResult, type ExtractOptions } from './extract/extract.ts';
export { remarkRenderComponents } from './render/remark-render-components.ts';
export { processDocument, SCHEMAS, type ProcessedDocument, type ProcessInput } from './process-document.ts';

/**
 * Types shared by the pipeline stages. Results travel between stages on `file.data`,
 * under the namespaces declared here.
 */
import type { GlossaryTerm } from '../model/schemas/glossary.ts';
import type { Unit } from '../model/schemas/unit.ts';

/** The project's namespace for vfile messages (`source`). */
export const MESSAGE_SOURCE = 'deeds';

export type Collection = 'announcements' | 'rolls' | 'deeds';

export type Script = 'simplified' | 'traditional' | 'mixed';

export interface Point {
  line: number;
  column: number;
  offset: number;
}

/** One recorded change of the normaliser: applying `before` at `start..end` of the input undoes it. */
export interface Change {
  rule: string;
  start: Point;
  end: Point;
  before: string;
  after: string;
}

/** What a pipeline run may consult: registries and the build date. */
export interface PipelineContext {
  /** Protected terms from `content/glossary.yaml`. */
  glossary: GlossaryTerm[];
  /** Units from `content/units.yaml`. */
  units: Unit[];
  /** The build date, `YYYY-MM-DD`, for rules that compare with today. */
  today: string;
}

export const EMPTY_CONTEXT: PipelineContext = Object.freeze({
  glossary: [],
  units: [],
  today: new Date().toISOString().slice(0, 10),
}) as PipelineContext;

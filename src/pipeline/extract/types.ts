/**
 * The facts the extraction stages put on `file.data.extract`, and what `deeds extract --json`
 * prints. Every string is as it stands in the (normalised, simplified) text; a fact the document
 * does not state is `null` or an empty list, never a guess.
 */
import type { VFile } from 'vfile';
import type { QuotaTable } from '../../model/quota-table.ts';
import type { Script } from '../types.ts';

export type ExtractKind = 'announcement' | 'roll' | 'deed';

export interface ExtractedWordLimit {
  limit: number;
  kind: 'max' | 'min' | 'approx';
  appliesTo: string | null;
}

export interface ExtractedAwardee {
  name: string;
  unit: string | null;
  category: string | null;
}

export interface ExtractedCategory {
  name: string;
  subjectType: 'person' | 'unit';
  declaredCount: number | null;
}

export interface ExtractedPhase {
  name: string;
  start: string | null;
  end: string | null;
}

export interface ExtractResult {
  kind: ExtractKind;
  sourceScript: Script;
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
  recipients: string[];
  evaluationYear: number | null;
  wordLimits: ExtractedWordLimit[];
  quotas: { category: string; count: number }[];
  deadline: string | null;
  phases: ExtractedPhase[];
  attachments: string[];
  awardees: ExtractedAwardee[];
  honours: string[];
  subject: { name: string; type: 'person' | 'unit' } | null;
  wordCount: number;
  diagnostics: { ruleId: string; severity: string; message: string; line: number; column: number }[];
  /** Roll categories with their declared counts and subject type. */
  categories: ExtractedCategory[];
  /** Quota tables (名额分配表) in the model of `src/model/schemas/announcement.ts`. */
  quotaTables: QuotaTable[];
  /** The quota table as rows of [unit, count for people], with sub-allocations by group. */
  allocation: Allocation | null;
  /** 附注 such as `此件公开发布`. */
  publicity: string | null;
  /** For a 公示: the period objections are taken in. */
  publicityPeriod: { start: string; end: string } | null;
  /** 印发机关 and 印发日期. */
  printedBy: string | null;
  printedDate: string | null;
  /** Private fields asked for by the forms (性别, 年龄…): never to be published. */
  formFieldsNotToPublish: string[];
  /** Masked words: `**市`, `20**年`, `XX省`. */
  placeholders: string[];
  /** Years broken by copying: `202223年`. */
  brokenYears: string[];
  /** The subject's type, repeated for flat comparisons (`unit` or `person`). */
  subjectType: 'person' | 'unit' | null;
  /** The subject's unit, for a person. */
  unit: string | null;
}

export interface Allocation {
  rows: [string, number | null][];
  individualsTotal: number | null;
  unitsTotal: number | null;
  subAllocations: Record<string, Record<string, number>>;
}

export function emptyResult(): ExtractResult {
  return {
    kind: 'deed',
    sourceScript: 'simplified',
    title: null,
    docNumber: null,
    issuer: null,
    date: null,
    recipients: [],
    evaluationYear: null,
    wordLimits: [],
    quotas: [],
    deadline: null,
    phases: [],
    attachments: [],
    awardees: [],
    honours: [],
    subject: null,
    wordCount: 0,
    diagnostics: [],
    categories: [],
    quotaTables: [],
    allocation: null,
    publicity: null,
    publicityPeriod: null,
    printedBy: null,
    printedDate: null,
    formFieldsNotToPublish: [],
    placeholders: [],
    brokenYears: [],
    subjectType: null,
    unit: null,
  };
}

/** The result under construction on a file. */
export function extractOf(file: VFile): ExtractResult {
  const data = file.data as { extract?: ExtractResult };
  data.extract ??= emptyResult();
  return data.extract;
}

declare module 'vfile' {
  interface DataMap {
    extract: ExtractResult;
    /** The normalised text with the spaces between Chinese characters kept (see `extract.ts`). */
    extractSpacedText: string | null;
  }
}

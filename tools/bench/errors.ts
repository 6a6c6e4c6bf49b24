/** A step of the benchmark that failed, with the end of its output. */
import type { Measurement } from './process-tree.ts';

export class BenchError extends Error {
  constructor(step: string, measurement: Pick<Measurement, 'code' | 'output'>) {
    super(`${step} failed (exit ${measurement.code}):\n${measurement.output.slice(-6000)}`);
    this.name = 'BenchError';
  }
}

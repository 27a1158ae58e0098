/** One thing wrong with the data set, located precisely enough for a curator to fix it. */
export type DataProblem = {
  /** The data file, relative to the data directory. */
  file: string;
  /** The JSON path inside the file, e.g. `entities[3].citations[0].span`; empty for the file as a whole. */
  path: string;
  /** The 1-based line in the file, where it could be found. */
  line?: number;
  message: string;
};

/** Thrown when a data set has problems; it carries all of them, never just the first. */
export class DataSetError extends Error {
  constructor(readonly problems: DataProblem[]) {
    super(`the data set has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${formatProblems(problems)}`);
    this.name = 'DataSetError';
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

export function formatProblems(problems: DataProblem[]): string {
  return problems
    .map((p) => `${p.file}${p.line ? `:${p.line}` : ''}${p.path ? ` at ${p.path}` : ''}: ${p.message}`)
    .join('\n');
}

// What the app asks of a learning process: its one argument, JSON.
export interface LearnJob {
  dbPath: string;
  /** Where the process writes the model (model-file.ts). */
  modelFile: string;
  /** The model file of the app's current space, which the process may reuse; null: pack the vectors. */
  previousFile: string | null;
}

/** Where a learning process that failed says why. */
export const errorFileOf = (modelFile: string) => `${modelFile}.error`;

export function parseLearnJob(argument: string | undefined): LearnJob {
  const job = JSON.parse(argument ?? 'null') as Partial<LearnJob> | null;
  if (!job || typeof job.dbPath !== 'string' || typeof job.modelFile !== 'string' || (job.previousFile !== null && typeof job.previousFile !== 'string')) {
    throw new Error('the learning process was started without a job');
  }
  return { dbPath: job.dbPath, modelFile: job.modelFile, previousFile: job.previousFile ?? null };
}

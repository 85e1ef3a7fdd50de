/** The chain this job belongs to has not committed yet (or is behind it): the job is tried again shortly. */
export class ChainNotReadyError extends Error {
  override readonly name = 'ChainNotReadyError';
}

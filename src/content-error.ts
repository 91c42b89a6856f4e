/** A broken content file (plan template, deadlines): the message names each problem as file:line. */
export class ContentError extends Error {
  override name = 'ContentError';
}

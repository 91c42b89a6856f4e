import { CodedError } from './core/errors.js';

/** A broken content file (plan template, deadlines): the message names each problem as file:line. */
export class ContentError extends CodedError {
  override name = 'ContentError';
  constructor(message: string) {
    super('content', message);
  }
}

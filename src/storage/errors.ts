import { CodedError } from '../core/errors.js';

/**
 * A storage problem with a message a human can act on (names the path, host or variable).
 * `unreachable`: the server did not answer (it may be starting); waiting can help.
 */
export class StorageError extends CodedError {
  override name = 'StorageError';
  constructor(message: string, options: { unreachable?: boolean; cause?: unknown } = {}) {
    super(options.unreachable ? 'storage-unreachable' : 'storage', message, {
      retryable: options.unreachable === true,
      cause: options.cause,
    });
  }
}

/**
 * The errors buurtbot raises on purpose carry a code, the exit code a command ends with, and
 * whether trying again later can help (as bolt-js's CodedError does). Callers decide on those,
 * not on class chains or the wording of a message. Their messages are meant for a person: they
 * name the variable, file, host or flag to fix.
 */
export type ErrorCode = 'config' | 'content' | 'database-url' | 'storage' | 'storage-unreachable' | 'usage' | 'shutting-down' | 'prompt';

export class CodedError extends Error {
  override name = 'CodedError';
  readonly exitCode: number;
  readonly retryable: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { exitCode?: number; retryable?: boolean; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? 1;
    this.retryable = options.retryable ?? false;
  }
}

export function isCodedError(error: unknown, code?: ErrorCode): error is CodedError {
  return error instanceof CodedError && (code === undefined || error.code === code);
}

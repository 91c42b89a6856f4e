/** A storage problem with a message a human can act on (names the path, host or variable). */
export class StorageError extends Error {
  override name = 'StorageError';
}

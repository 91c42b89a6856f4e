/** Prisma's code for a unique constraint that refused a row (a repeat, or a race another writer won). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

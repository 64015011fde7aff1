/** An error SQLite raised (better-sqlite3's SqliteError carries `SQLITE_…` codes). */
export function isDatabaseError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_');
}

/** The file itself is damaged (or not a database): set it aside and salvage, never go on writing to it. */
export function isDatabaseCorruption(error: unknown): boolean {
  return isDatabaseError(error) && (error.code.startsWith('SQLITE_CORRUPT') || error.code === 'SQLITE_NOTADB');
}

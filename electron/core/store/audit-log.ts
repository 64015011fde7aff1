import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AuditAction, AuditEntry } from '../../../shared/records/audit';

export interface AuditRecord {
  actor: string;
  action: AuditAction;
  subject?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

/** Appends one entry; the table's triggers refuse any update or delete. */
export function appendAudit(db: Database, record: AuditRecord): void {
  db.prepare('INSERT INTO audit_log (at, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)').run(
    (record.at ?? new Date()).toISOString(),
    record.actor,
    record.action,
    record.subject ?? null,
    JSON.stringify(record.details ?? {}),
  );
}

export function listAudit(db: Database, options: { limit: number; action?: AuditAction }): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT id, at, actor, action, subject, details FROM audit_log
       ${options.action === undefined ? '' : 'WHERE action = @action'} ORDER BY id DESC LIMIT @limit`,
    )
    .all(options) as (Omit<AuditEntry, 'details'> & { details: string })[];
  return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> }));
}

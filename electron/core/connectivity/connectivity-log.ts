import type { Database } from 'better-sqlite3-multiple-ciphers';
import { offlineMsWithin, type ConnectivityTransition } from '../../../shared/connectivity/offline-time';

/**
 * The central API's reachability over time, as transitions in the database, so a shift's offline
 * time survives a restart. `stopped` closes the open interval when the station stops (or, after a
 * crash, when it starts again): time the station was not running is not counted as offline.
 */
export function createConnectivityLog(db: Database) {
  const insert = db.prepare('INSERT INTO connectivity_log (at, state) VALUES (?, ?)');
  const last = db.prepare('SELECT state FROM connectivity_log ORDER BY id DESC LIMIT 1').pluck();
  // The transition in force at `from`, then those within the range, in time order.
  const within = db.prepare(`SELECT at, state FROM (
      SELECT id, at, state FROM (SELECT id, at, state FROM connectivity_log WHERE at < @from ORDER BY at DESC, id DESC LIMIT 1)
      UNION ALL SELECT id, at, state FROM connectivity_log WHERE at >= @from AND at < @to
    ) ORDER BY at, id`);
  let lastState = last.get() as ConnectivityTransition['state'] | undefined;

  function note(state: ConnectivityTransition['state'], at: Date): void {
    if (state === lastState) return; // the probe also reports a changed error text: not a transition
    insert.run(at.toISOString(), state);
    lastState = state;
  }

  return {
    /** Called on every connectivity report; only a change of state is logged. */
    note,
    offlineMs: (range: { from: string; to: string }, now: Date) => offlineMsWithin(within.all(range) as ConnectivityTransition[], range, now),
  };
}

export type ConnectivityLog = ReturnType<typeof createConnectivityLog>;

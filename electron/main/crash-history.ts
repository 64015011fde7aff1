import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { recentCrashes, type RestartPolicy } from './restart-policy';

/**
 * Main-process crashes survive the relaunch they trigger: the times are kept in the data folder, so
 * a crash loop is seen across processes and backed off instead of relaunching forever.
 */
const crashHistorySchema = z.array(z.number().int().nonnegative()).max(1000);

export const crashHistoryFileName = 'crash-history.json';

/** Records a crash now and returns every crash the policy still counts, this one included. */
export async function recordCrash(dataDir: string, now: number, policy: RestartPolicy): Promise<number[]> {
  const path = join(dataDir, crashHistoryFileName);
  const crashes = recentCrashes([...(await readCrashTimes(path)), now], now, policy);
  await writeFile(path, JSON.stringify(crashes));
  return crashes;
}

async function readCrashTimes(path: string): Promise<number[]> {
  try {
    const parsed = crashHistorySchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    // A damaged record only costs the backoff its memory; it must not stop the relaunch.
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

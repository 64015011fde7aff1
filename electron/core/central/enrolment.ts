import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const enrolmentSchema = z.object({ apiUrl: z.string(), stationId: z.string(), token: z.string().min(32) });
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** The station's credential for the central API, kept owner-only in its data folder. */
export const enrolmentFileName = 'enrolment.json';

export async function saveEnrolment(dataDir: string, enrolment: Enrolment): Promise<void> {
  await writeFile(join(dataDir, enrolmentFileName), `${JSON.stringify(enrolment)}\n`, { mode: 0o600 });
}

/** The enrolment for this API URL, or null when the station is not enrolled with it. */
export async function loadEnrolment(dataDir: string, apiUrl: string): Promise<Enrolment | null> {
  let text: string;
  try {
    text = await readFile(join(dataDir, enrolmentFileName), 'utf8');
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = enrolmentSchema.safeParse(json);
  return parsed.success && sameApi(parsed.data.apiUrl, apiUrl) ? parsed.data : null;
}

function sameApi(a: string, b: string): boolean {
  return new URL(a).href.replace(/\/$/, '') === new URL(b).href.replace(/\/$/, '');
}

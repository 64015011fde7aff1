import { z } from 'zod';

/**
 * What each officer's screen keeps for itself (not station settings): theme, sounds, how long a
 * verdict stays up. Kept in localStorage; a damaged entry falls back to the defaults.
 */
export const preferencesSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  sound: z.boolean().default(true),
  /** Seconds the verdict panel stays up when no new scan replaces it; 0 = until the next scan. */
  verdictClearSeconds: z.number().int().min(0).max(600).default(15),
  language: z.enum(['vi', 'en']).default('vi'),
});
export type Preferences = z.infer<typeof preferencesSchema>;

const storageKey = 'station.preferences';

export function loadPreferences(storage: Pick<Storage, 'getItem'>): Preferences {
  try {
    const parsed = preferencesSchema.safeParse(JSON.parse(storage.getItem(storageKey) ?? '{}'));
    return parsed.success ? parsed.data : preferencesSchema.parse({});
  } catch {
    return preferencesSchema.parse({});
  }
}

export function savePreferences(storage: Pick<Storage, 'setItem'>, preferences: Preferences): void {
  storage.setItem(storageKey, JSON.stringify(preferences));
}

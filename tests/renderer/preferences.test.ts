import { describe, expect, it } from 'vitest';
import { loadPreferences, savePreferences } from '../../renderer/src/preferences/preferences';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe('screen preferences', () => {
  it('Vietnamese, sound on, verdict cleared after 15 s, theme from the system by default', () => {
    expect(loadPreferences(memoryStorage())).toEqual({ theme: 'system', sound: true, verdictClearSeconds: 15, language: 'vi' });
  });

  it('round-trip what the officer chose', () => {
    const storage = memoryStorage();
    savePreferences(storage, { theme: 'dark', sound: false, verdictClearSeconds: 0, language: 'en' });
    expect(loadPreferences(storage)).toEqual({ theme: 'dark', sound: false, verdictClearSeconds: 0, language: 'en' });
  });

  it('a damaged or tampered entry falls back to the defaults instead of breaking the screen', () => {
    expect(loadPreferences(memoryStorage({ 'station.preferences': '{not json' })).language).toBe('vi');
    expect(loadPreferences(memoryStorage({ 'station.preferences': '{"verdictClearSeconds": -5}' })).verdictClearSeconds).toBe(15);
  });
});

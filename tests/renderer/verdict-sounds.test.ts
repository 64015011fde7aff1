import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTune, verdictTunes, wavFile } from '../../scripts/generate-sounds';
import { verdictSchema } from '../../shared/records/passage';

describe('verdict sounds', () => {
  it('the shipped files are exactly what the generator makes (regenerate with scripts/generate-sounds.ts)', () => {
    for (const verdict of verdictSchema.options) {
      const shipped = readFileSync(new URL(`../../resources/sounds/${verdict}.wav`, import.meta.url));
      expect(shipped.equals(wavFile(renderTune(verdictTunes[verdict]))), verdict).toBe(true);
    }
  });

  it('are valid 16-bit mono PCM WAVE files, under a second, never clipping', () => {
    for (const verdict of verdictSchema.options) {
      const file = wavFile(renderTune(verdictTunes[verdict]));
      expect(file.toString('ascii', 0, 4)).toBe('RIFF');
      expect(file.toString('ascii', 8, 16)).toBe('WAVEfmt ');
      expect([file.readUInt16LE(20), file.readUInt16LE(22), file.readUInt16LE(34)]).toEqual([1, 1, 16]);
      const seconds = file.readUInt32LE(40) / file.readUInt32LE(28);
      expect(seconds).toBeGreaterThan(0.2);
      expect(seconds).toBeLessThan(1);
      expect(file.readUInt32LE(4)).toBe(file.length - 8);
    }
  });

  it('each verdict sounds different: no two tunes are the same', () => {
    const fingerprints = verdictSchema.options.map((verdict) => JSON.stringify(verdictTunes[verdict]));
    expect(new Set(fingerprints).size).toBe(verdictSchema.options.length);
  });
});

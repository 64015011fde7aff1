// Writes the verdict sounds to resources/sounds/*.wav: short synthesised tones, made by us (no
// third-party audio). Each verdict has its own pattern, so an officer looking at the citizen, not
// the screen, still knows the verdict: pass rises, check repeats a middle tone, deny is a low
// triple buzz, invalid falls.
//
//   npx tsx scripts/generate-sounds.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Verdict } from '../shared/records/passage';

const sampleRate = 22_050;

/** One note: frequency in Hz (0 = silence), duration in ms, waveform. */
interface Note {
  hz: number;
  ms: number;
  wave?: 'sine' | 'square';
}

export const verdictTunes: Record<Verdict, Note[]> = {
  pass: [{ hz: 880, ms: 110 }, { hz: 0, ms: 30 }, { hz: 1320, ms: 180 }],
  check: [{ hz: 660, ms: 160 }, { hz: 0, ms: 90 }, { hz: 660, ms: 160 }],
  deny: [
    { hz: 220, ms: 190, wave: 'square' },
    { hz: 0, ms: 70 },
    { hz: 220, ms: 190, wave: 'square' },
    { hz: 0, ms: 70 },
    { hz: 220, ms: 300, wave: 'square' },
  ],
  invalid: [{ hz: 740, ms: 130 }, { hz: 0, ms: 30 }, { hz: 440, ms: 130 }, { hz: 0, ms: 30 }, { hz: 294, ms: 200 }],
};

/** 16-bit mono PCM samples of a tune, with 8 ms fades so no note clicks. */
export function renderTune(notes: Note[]): Int16Array {
  const total = notes.reduce((sum, note) => sum + Math.round((note.ms / 1000) * sampleRate), 0);
  const samples = new Int16Array(total);
  const fade = Math.round(0.008 * sampleRate);
  let offset = 0;
  for (const note of notes) {
    const length = Math.round((note.ms / 1000) * sampleRate);
    for (let i = 0; note.hz > 0 && i < length; i++) {
      const phase = Math.sin((2 * Math.PI * note.hz * i) / sampleRate);
      const shaped = note.wave === 'square' ? Math.sign(phase) * 0.6 : phase;
      const envelope = Math.min(1, i / fade, (length - i) / fade);
      samples[offset + i] = Math.round(shaped * envelope * 0.7 * 32_767);
    }
    offset += length;
  }
  return samples;
}

/** A canonical RIFF/WAVE file around PCM samples. */
export function wavFile(samples: Int16Array): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28); // byte rate
  header.writeUInt16LE(2, 32); // block align
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = fileURLToPath(new URL('../resources/sounds/', import.meta.url));
  mkdirSync(folder, { recursive: true });
  for (const [verdict, notes] of Object.entries(verdictTunes)) {
    writeFileSync(`${folder}${verdict}.wav`, wavFile(renderTune(notes)));
    process.stdout.write(`resources/sounds/${verdict}.wav\n`);
  }
}

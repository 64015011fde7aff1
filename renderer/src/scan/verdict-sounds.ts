import type { Verdict } from '../../../shared/records/passage';
import passSound from '../../../resources/sounds/pass.wav';
import checkSound from '../../../resources/sounds/check.wav';
import denySound from '../../../resources/sounds/deny.wav';
import invalidSound from '../../../resources/sounds/invalid.wav';

/** One sound per verdict (scripts/generate-sounds.ts), bundled with the app: no remote content. */
const soundUrls: Record<Verdict, string> = { pass: passSound, check: checkSound, deny: denySound, invalid: invalidSound };

const players = new Map<Verdict, HTMLAudioElement>();

/** Plays the verdict's sound, cutting short the previous one; a blocked or failed play is not an error worth more than a warning. */
export function playVerdictSound(verdict: Verdict): void {
  for (const player of players.values()) player.pause();
  let player = players.get(verdict);
  if (player === undefined) {
    player = new Audio(soundUrls[verdict]);
    players.set(verdict, player);
  }
  player.currentTime = 0;
  player.play().catch((error: unknown) => console.warn('verdict sound not played:', error));
}

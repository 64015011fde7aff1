// pino-roll ships no types; this declares the part we use. Its stream is a SonicBoom (pino's own file stream).
declare module 'pino-roll' {
  import type { destination } from 'pino';

  interface RollOptions {
    file: string;
    extension?: string;
    frequency?: 'daily' | 'hourly' | number;
    size?: string | number;
    mkdir?: boolean;
    /** `removeOtherLogFiles`: count files of earlier processes too, not only this one's. */
    limit?: { count?: number; removeOtherLogFiles?: boolean };
  }

  export default function build(options: RollOptions): Promise<ReturnType<typeof destination>>;
}

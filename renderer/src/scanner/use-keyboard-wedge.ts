import { useEffect, useState } from 'react';
import { classifyCode } from '../../../shared/codes';
import type { StationClient } from '../../../shared/contract/client';
import { reportQueueFor } from '../lanes/report-queue';
import { createKeyboardWedge } from './keyboard-wedge';

/**
 * Listens for keyboard-wedge scans anywhere on the page (not in form fields, where the officer
 * types) and reports them on the lane. Returns true while the last scan's Vietnamese diacritics
 * arrived mangled — the scanner's keyboard layout is wrong — so the officer is told.
 */
export function useKeyboardWedge(client: StationClient, laneId: string | null): boolean {
  const [mangled, setMangled] = useState(false);
  useEffect(() => {
    if (laneId === null) return;
    const wedge = createKeyboardWedge();
    const report = (text: string) => {
      setMangled(classifyCode(text).problems.some((problem) => problem.code.startsWith('encoding.')));
      const now = Date.now();
      reportQueueFor(client).report({ laneId, text, capturedAt: now, decodedAt: now, position: null, frameSize: null });
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement) return;
      const scan = wedge.key(event.key, event.timeStamp);
      if (scan) report(scan.text);
    };
    const timer = setInterval(() => {
      const scan = wedge.tick(performance.now());
      if (scan) report(scan.text);
    }, 20);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      clearInterval(timer);
    };
  }, [client, laneId]);
  return mangled;
}

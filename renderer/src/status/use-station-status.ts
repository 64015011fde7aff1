import { useEffect, useState } from 'react';
import type { StationClient } from '../../../shared/contract/client';
import type { StationStatus } from '../../../shared/contract/status';

export type StatusState =
  | { kind: 'loading' }
  | { kind: 'loaded'; status: StationStatus }
  | { kind: 'failed'; message: string };

/** The live station status: fetched once, then replaced by every `status` event the core pushes. */
export function useStationStatus(client: StationClient): StatusState {
  const [state, setState] = useState<StatusState>({ kind: 'loading' });
  useEffect(() => {
    let current = true;
    const unsubscribe = client.on('status', (status) => setState({ kind: 'loaded', status }));
    void client.invoke('getStatus', undefined).then((result) => {
      if (!current) return;
      setState((previous) => {
        if (result.ok) return previous.kind === 'loaded' ? previous : { kind: 'loaded', status: result.value };
        return { kind: 'failed', message: result.error.message };
      });
    });
    return () => {
      current = false;
      unsubscribe();
    };
  }, [client]);
  return state;
}

import QRCode from 'qrcode';
import { useCallback, useEffect, useState } from 'react';
import type { CitizenAccount as Account } from '../../shared/citizen/api-types';
import { api, Refusal } from './api';
import { countdown, problemText } from './strings';
import { useSecondsLeft } from './use-seconds-left';

interface ShownCode {
  image: string;
  /** The token's expiry in the phone's clock: the server's expiry moved by the server's offset. */
  expiresAt: number;
  lifetimeSeconds: number;
}

/**
 * The identity QR a checkpoint scans: a new one-minute token from the backend, refreshed when its
 * minute ends, with the time left counted against the server's clock (the phone's may be wrong).
 */
export function IdentityQrScreen({ account, onBack, onSignedOut }: { account: Account; onBack: () => void; onSignedOut: () => void }) {
  const [shown, setShown] = useState<ShownCode | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Never more than the token's lifetime, whatever the tick the phone is on.
  const secondsLeft = Math.min(useSecondsLeft(shown?.expiresAt ?? null), shown?.lifetimeSeconds ?? 0);

  const refresh = useCallback(async () => {
    try {
      const issued = await api.identityToken();
      const offset = Date.parse(issued.serverTime) - Date.now();
      const image = await QRCode.toDataURL(issued.token, { errorCorrectionLevel: 'M', margin: 4, width: 288 });
      setShown({ image, expiresAt: Date.parse(issued.expiresAt) - offset, lifetimeSeconds: (Date.parse(issued.expiresAt) - Date.parse(issued.serverTime)) / 1000 });
      setError(null);
    } catch (refusal) {
      if (refusal instanceof Refusal && refusal.problem.code === 'unauthorized') onSignedOut();
      else setError(refusal instanceof Refusal ? problemText(refusal.problem) : String(refusal));
    }
  }, [onSignedOut]);

  useEffect(() => void refresh(), [refresh]);
  // A new code the moment the minute ends: an expired one is never left on screen.
  useEffect(() => {
    if (shown !== null && secondsLeft === 0) {
      setShown(null);
      void refresh();
    }
  }, [shown, secondsLeft, refresh]);

  return (
    <div className="screen identity-qr" data-testid="identity-qr">
      <h1>Mã QR định danh điện tử</h1>
      <p className="qr-name">{account.fullName}</p>
      {shown === null ? <p className="qr-placeholder">Đang tạo mã…</p> : <img src={shown.image} alt="Mã QR định danh điện tử" width={288} height={288} data-testid="identity-qr-image" />}
      <p className="qr-countdown" data-testid="identity-qr-countdown" aria-live="polite">
        {shown === null ? '' : `Mã có hiệu lực trong ${countdown(secondsLeft)}`}
      </p>
      <p className="hint">Mã tự làm mới sau mỗi phút. Chỉ đưa mã cho cán bộ tại điểm kiểm soát.</p>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="button" onClick={() => void refresh()}>
        Làm mới mã
      </button>
      <button type="button" className="link" onClick={onBack} data-testid="identity-qr-back">
        Quay lại
      </button>
    </div>
  );
}

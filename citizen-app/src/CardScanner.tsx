import { useEffect, useRef, useState } from 'react';
import { classifyCode } from '../../shared/codes/classify';
import { formatIsoDay } from '../../shared/codes/dates';
import { openCamera, startFrameDecoding } from '../../renderer/src/camera/webcam';

export interface CardFields {
  fullName: string;
  /** yyyy-MM-dd */
  birthDate: string;
  sex: 'male' | 'female';
}

/** The fields a chip card's QR gives, when it gives all three; the station's own parser reads it. */
function cardFieldsOf(text: string): { idNumber: string; fields: CardFields } | null {
  const code = classifyCode(text);
  if (code.kind !== 'chip-card' && code.kind !== 'can-cuoc-card') return null;
  const { idNumber, fullName, birthDate, sex } = code.fields;
  if (idNumber === undefined || fullName === undefined || birthDate?.precision !== 'day' || sex === undefined) return null;
  return { idNumber, fields: { fullName, birthDate: formatIsoDay(birthDate), sex } };
}

/** The phone's camera, decoding until it sees an ID card's QR (the station's decoder, in a worker). */
export function CardScanner({ onScanned, onCancel }: { onScanned: (idNumber: string, fields: CardFields) => void; onCancel: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [sawOther, setSawOther] = useState(false);
  const scanned = useRef(onScanned);
  scanned.current = onScanned;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let decoding: ReturnType<typeof startFrameDecoding> | null = null;
    let closed = false;
    void (async () => {
      try {
        stream = await openCamera(null);
        if (closed) return;
        const element = video.current!;
        element.srcObject = stream;
        await element.play();
        decoding = startFrameDecoding(
          element,
          ({ codes }) => {
            for (const code of codes) {
              const card = cardFieldsOf(code.text);
              if (card === null) {
                setSawOther(true);
                continue;
              }
              decoding?.stop();
              scanned.current(card.idNumber, card.fields);
              return;
            }
          },
          setError,
        );
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    })();
    return () => {
      closed = true;
      decoding?.stop();
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <div className="card-scanner" data-testid="card-scanner">
      <video ref={video} muted playsInline />
      <p className="hint">Đưa mã QR ở mặt trước thẻ căn cước vào khung hình.</p>
      {sawOther && <p className="notice">Đã thấy một mã QR nhưng không phải mã trên thẻ căn cước.</p>}
      {error !== null && (
        <p className="error" role="alert">
          Không mở được camera ({error}). Hãy nhập thông tin bằng tay.
        </p>
      )}
      <button type="button" onClick={onCancel}>
        Nhập bằng tay
      </button>
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import { brokenPasswordRules, OTP_PATTERN, PASSWORD_MAX_LENGTH, PASSWORD_RULES, PHONE_NUMBER_PATTERN } from '../../shared/citizen/account-rules';
import type { OtpSent, RegistrationDetails } from '../../shared/citizen/api-types';
import { api, Refusal } from './api';
import { CardScanner, type CardFields } from './CardScanner';
import { countdown, passwordRuleText, problemText } from './strings';
import { useSecondsLeft } from './use-seconds-left';

type Step = 'identity' | 'card' | 'otp' | 'password';
const stepTitles: Record<Step, string> = { identity: 'Số định danh và số điện thoại', card: 'Thông tin trên thẻ căn cước', otp: 'Mã xác thực', password: 'Tạo mật khẩu' };
const steps = Object.keys(stepTitles) as Step[];

const refusalText = (error: unknown) => (error instanceof Refusal ? problemText(error.problem) : String(error));

/**
 * Registration as the VNeID app does it: ID number and phone; the card's fields, scanned from its
 * QR or typed; the register check and an SMS code; a password. Then the citizen is signed in.
 */
export function Registration({ onRegistered, onCancel }: { onRegistered: () => void; onCancel: () => void }) {
  const [step, setStep] = useState<Step>('identity');
  const [details, setDetails] = useState<RegistrationDetails>({ idNumber: '', phone: '', fullName: '', birthDate: '', sex: 'male' });
  const [sent, setSent] = useState<OtpSent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Runs a server step: its refusal is shown; a registration that is gone starts over. */
  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (refusal) {
      if (refusal instanceof Refusal && refusal.problem.code === 'already-confirmed') return setStep('password');
      setError(refusalText(refusal));
      if (refusal instanceof Refusal && ['registration-not-found', 'registration-ended', 'no-more-resends'].includes(refusal.problem.code)) setStep('identity');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="screen" data-testid="registration" data-step={step}>
      <h1>Đăng ký tài khoản</h1>
      <ol className="steps" aria-label="Các bước">
        {steps.map((name) => (
          <li key={name} aria-current={name === step ? 'step' : undefined}>
            {stepTitles[name]}
          </li>
        ))}
      </ol>
      {step === 'identity' && <IdentityStep details={details} onNext={(next) => (setDetails({ ...details, ...next }), setStep('card'))} />}
      {step === 'card' && (
        <CardStep
          details={details}
          busy={busy}
          onSubmit={(card) =>
            attempt(async () => {
              const full = { ...details, ...card };
              setDetails(full);
              setSent(await api.startRegistration(full));
              setStep('otp');
            })
          }
        />
      )}
      {step === 'otp' && sent !== null && (
        <OtpStep
          sent={sent}
          busy={busy}
          onConfirm={(otp) =>
            attempt(async () => {
              await api.confirmOtp(sent.registrationId, otp);
              setStep('password');
            })
          }
          onResend={() => attempt(async () => setSent(await api.resendOtp(sent.registrationId)))}
        />
      )}
      {step === 'password' && sent !== null && (
        <PasswordStep
          busy={busy}
          onSubmit={(password) =>
            attempt(async () => {
              await api.choosePassword(sent.registrationId, password);
              onRegistered();
            })
          }
        />
      )}
      {error !== null && (
        <p className="error" role="alert" data-testid="registration-error">
          {error}
        </p>
      )}
      <button type="button" className="link" onClick={onCancel}>
        Quay lại đăng nhập
      </button>
    </div>
  );
}

function IdentityStep({ details, onNext }: { details: RegistrationDetails; onNext: (next: Pick<RegistrationDetails, 'idNumber' | 'phone'>) => void }) {
  const [idNumber, setIdNumber] = useState(details.idNumber);
  const [phone, setPhone] = useState(details.phone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNext({ idNumber, phone });
  };
  return (
    <form onSubmit={submit}>
      <label>
        Số định danh cá nhân (12 số)
        <input inputMode="numeric" pattern="[0-9]{12}" maxLength={12} required value={idNumber} onChange={(event) => setIdNumber(event.target.value.trim())} data-testid="register-id" />
      </label>
      <label>
        Số điện thoại
        <input type="tel" inputMode="tel" pattern={PHONE_NUMBER_PATTERN.source.slice(1, -1)} maxLength={10} required value={phone} onChange={(event) => setPhone(event.target.value.trim())} data-testid="register-phone" />
      </label>
      <button type="submit" className="primary" data-testid="register-next">
        Tiếp tục
      </button>
    </form>
  );
}

function CardStep({ details, busy, onSubmit }: { details: RegistrationDetails; busy: boolean; onSubmit: (card: CardFields) => void }) {
  const [card, setCard] = useState<CardFields>({ fullName: details.fullName, birthDate: details.birthDate, sex: details.sex });
  const [scanning, setScanning] = useState(false);
  const [scanNote, setScanNote] = useState<string | null>(null);
  const scanned = (idNumber: string, fields: CardFields) => {
    setScanning(false);
    if (idNumber !== details.idNumber) {
      setScanNote('Số định danh trên thẻ khác số bạn đã nhập. Kiểm tra lại thẻ hoặc nhập tay.');
      return;
    }
    setCard(fields);
    setScanNote('Đã đọc thông tin từ mã QR trên thẻ. Kiểm tra lại trước khi gửi.');
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(card);
  };
  return (
    <form onSubmit={submit}>
      {scanning ? (
        <CardScanner onScanned={scanned} onCancel={() => setScanning(false)} />
      ) : (
        <button type="button" onClick={() => (setScanNote(null), setScanning(true))} data-testid="scan-card">
          Quét mã QR trên thẻ căn cước
        </button>
      )}
      {scanNote !== null && (
        <p className="notice" data-testid="scan-note">
          {scanNote}
        </p>
      )}
      <p className="hint">Hoặc nhập thông tin như trên thẻ:</p>
      <label>
        Họ và tên
        <input required maxLength={200} value={card.fullName} onChange={(event) => setCard({ ...card, fullName: event.target.value })} data-testid="register-name" />
      </label>
      <label>
        Ngày sinh
        <input type="date" required value={card.birthDate} onChange={(event) => setCard({ ...card, birthDate: event.target.value })} data-testid="register-birth-date" />
      </label>
      <label>
        Giới tính
        <select value={card.sex} onChange={(event) => setCard({ ...card, sex: event.target.value as CardFields['sex'] })} data-testid="register-sex">
          <option value="male">Nam</option>
          <option value="female">Nữ</option>
        </select>
      </label>
      <button type="submit" className="primary" disabled={busy} data-testid="register-check">
        Gửi mã xác thực
      </button>
    </form>
  );
}

function OtpStep({ sent, busy, onConfirm, onResend }: { sent: OtpSent; busy: boolean; onConfirm: (otp: string) => void; onResend: () => void }) {
  const [otp, setOtp] = useState('');
  // The server's times, counted on the phone's clock: a few seconds of skew only moves the display.
  const expiresIn = useSecondsLeft(Date.parse(sent.otpExpiresAt));
  const resendIn = useSecondsLeft(Date.parse(sent.resendAfter));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(otp);
  };
  return (
    <form onSubmit={submit}>
      <p>
        Mã gồm 6 chữ số đã được gửi qua SMS đến số <strong data-testid="otp-phone">{sent.phone}</strong>.
      </p>
      <label>
        Mã xác thực
        <input inputMode="numeric" autoComplete="one-time-code" pattern={OTP_PATTERN.source.slice(1, -1)} maxLength={6} required value={otp} onChange={(event) => setOtp(event.target.value.trim())} data-testid="otp-input" />
      </label>
      <p className="hint" data-testid="otp-countdown">
        {expiresIn > 0 ? `Mã hết hạn sau ${countdown(expiresIn)}` : 'Mã đã hết hạn.'}
      </p>
      <button type="submit" className="primary" disabled={busy} data-testid="otp-confirm">
        Xác nhận
      </button>
      <button type="button" disabled={busy || resendIn > 0 || sent.resendsLeft === 0} onClick={onResend} data-testid="otp-resend">
        {resendIn > 0 ? `Gửi lại mã sau ${resendIn} giây` : `Gửi lại mã (còn ${sent.resendsLeft} lần)`}
      </button>
    </form>
  );
}

function PasswordStep({ busy, onSubmit }: { busy: boolean; onSubmit: (password: string) => void }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const broken = brokenPasswordRules(password);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(password);
  };
  return (
    <form onSubmit={submit}>
      <label>
        Mật khẩu
        <input type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} required value={password} onChange={(event) => setPassword(event.target.value)} data-testid="password-input" />
      </label>
      <ul className="rules" data-testid="password-rules">
        {PASSWORD_RULES.map((rule) => (
          <li key={rule} data-met={!broken.includes(rule)}>
            <span aria-hidden="true">{broken.includes(rule) ? '○' : '✓'}</span> {passwordRuleText[rule]}
          </li>
        ))}
      </ul>
      <label>
        Nhập lại mật khẩu
        <input type="password" autoComplete="new-password" maxLength={PASSWORD_MAX_LENGTH} required value={again} onChange={(event) => setAgain(event.target.value)} data-testid="password-again" />
      </label>
      {again !== '' && again !== password && <p className="error">Hai mật khẩu chưa giống nhau.</p>}
      <button type="submit" className="primary" disabled={busy || broken.length > 0 || again !== password} data-testid="password-submit">
        Hoàn tất đăng ký
      </button>
    </form>
  );
}

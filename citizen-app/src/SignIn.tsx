import { useState, type FormEvent } from 'react';
import { api, Refusal } from './api';
import { problemText } from './strings';

export function SignIn({ notice, onSignedIn, onRegister }: { notice: string | null; onSignedIn: () => void; onRegister: () => void }) {
  const [idNumber, setIdNumber] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.signIn(idNumber, password);
      onSignedIn();
    } catch (refusal) {
      setError(refusal instanceof Refusal ? problemText(refusal.problem) : String(refusal));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="screen" onSubmit={submit} data-testid="sign-in">
      <h1>Đăng nhập</h1>
      {notice !== null && <p className="notice">{notice}</p>}
      <label>
        Số định danh cá nhân
        <input inputMode="numeric" autoComplete="username" pattern="[0-9]{12}" maxLength={12} required value={idNumber} onChange={(event) => setIdNumber(event.target.value.trim())} data-testid="sign-in-id" />
      </label>
      <label>
        Mật khẩu
        <input type="password" autoComplete="current-password" maxLength={20} required value={password} onChange={(event) => setPassword(event.target.value)} data-testid="sign-in-password" />
      </label>
      {error !== null && (
        <p className="error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy} data-testid="sign-in-submit">
        Đăng nhập
      </button>
      <p>
        Chưa có tài khoản?{' '}
        <button type="button" className="link" onClick={onRegister} data-testid="go-register">
          Đăng ký
        </button>
      </p>
    </form>
  );
}

import { useCallback, useEffect, useState } from 'react';
import type { CitizenAccount as Account } from '../../shared/citizen/api-types';
import { api, Refusal } from './api';
import { AccountScreen } from './AccountScreen';
import { IdentityQrScreen } from './IdentityQrScreen';
import { Registration } from './Registration';
import { SignIn } from './SignIn';
import { problemText } from './strings';

type Screen = { name: 'loading' } | { name: 'sign-in'; notice: string | null } | { name: 'register' } | { name: 'account'; account: Account } | { name: 'identity-qr'; account: Account };

/** The simulated VNeID app, phone-sized: sign-in or registration, then the account and its identity QR. */
export function App() {
  const [screen, setScreen] = useState<Screen>({ name: 'loading' });

  const showAccount = useCallback(async () => {
    try {
      setScreen({ name: 'account', account: await api.account() });
    } catch (error) {
      setScreen({ name: 'sign-in', notice: error instanceof Refusal && error.problem.code === 'network' ? problemText(error.problem) : null });
    }
  }, []);
  useEffect(() => void showAccount(), [showAccount]);

  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    setScreen({ name: 'sign-in', notice: 'Bạn đã đăng xuất.' });
  };

  return (
    <div className="phone">
      <header className="phone-header">
        <span className="brand">VNeID</span>
        <span className="brand-note">Ứng dụng mô phỏng</span>
      </header>
      <main className="phone-body">
        {screen.name === 'loading' && <p>Đang tải…</p>}
        {screen.name === 'sign-in' && <SignIn notice={screen.notice} onSignedIn={showAccount} onRegister={() => setScreen({ name: 'register' })} />}
        {screen.name === 'register' && <Registration onRegistered={showAccount} onCancel={() => setScreen({ name: 'sign-in', notice: null })} />}
        {screen.name === 'account' && <AccountScreen account={screen.account} onShowQr={() => setScreen({ name: 'identity-qr', account: screen.account })} onSignOut={signOut} />}
        {screen.name === 'identity-qr' && (
          <IdentityQrScreen account={screen.account} onBack={() => setScreen({ name: 'account', account: screen.account })} onSignedOut={() => setScreen({ name: 'sign-in', notice: problemText({ code: 'unauthorized', message: '' }) })} />
        )}
      </main>
    </div>
  );
}

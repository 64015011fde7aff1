import type { CitizenAccount as Account } from '../../shared/citizen/api-types';
import { sexText, slashedDate } from './strings';

/** The level-1 account a registration in the app makes, as the register knows its citizen. */
export function AccountScreen({ account, onShowQr, onSignOut }: { account: Account; onShowQr: () => void; onSignOut: () => void }) {
  return (
    <div className="screen" data-testid="account">
      <h1>Tài khoản định danh điện tử</h1>
      <p className="level">Mức 1 — đăng ký trên ứng dụng. Để nâng lên mức 2, đến cơ quan Công an nơi cư trú.</p>
      <dl className="account-fields">
        <dt>Họ và tên</dt>
        <dd data-testid="account-name">{account.fullName}</dd>
        <dt>Số định danh cá nhân</dt>
        <dd>{account.idNumber}</dd>
        <dt>Ngày sinh</dt>
        <dd>{slashedDate(account.birthDate)}</dd>
        <dt>Giới tính</dt>
        <dd>{sexText[account.sex]}</dd>
        <dt>Số điện thoại</dt>
        <dd>{account.phone}</dd>
      </dl>
      <button type="button" className="primary big" onClick={onShowQr} data-testid="show-identity-qr">
        Mã QR định danh điện tử
      </button>
      <button type="button" onClick={onSignOut} data-testid="sign-out">
        Đăng xuất
      </button>
    </div>
  );
}

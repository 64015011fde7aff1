// The app's words, in Vietnamese: the VNeID app a citizen knows speaks only Vietnamese.

import { OTP_MAX_WRONG, SIGN_IN_MAX_WRONG, type PasswordRule } from '../../shared/citizen/account-rules';
import type { CitizenProblem } from '../../shared/citizen/api-types';

const clock = (iso: string) => new Date(iso).toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });

const problems: Record<string, (problem: CitizenProblem) => string> = {
  'details-mismatch': () => 'Thông tin không khớp với Cơ sở dữ liệu quốc gia về dân cư. Kiểm tra lại số định danh, họ tên, ngày sinh và giới tính.',
  'already-registered': () => 'Số định danh này đã có tài khoản. Vui lòng đăng nhập.',
  'registration-not-found': () => 'Phiên đăng ký đã hết hạn. Vui lòng đăng ký lại.',
  'registration-ended': () => `Đã nhập sai mã ${OTP_MAX_WRONG} lần. Vui lòng đăng ký lại.`,
  'already-confirmed': () => 'Mã xác thực đã được xác nhận.',
  'resend-too-soon': (problem) => `Chưa thể gửi lại mã. Thử lại sau ${problem.retryAt ? Math.max(1, Math.ceil((Date.parse(problem.retryAt) - Date.now()) / 1000)) : 30} giây.`,
  'no-more-resends': () => 'Đã gửi lại mã quá số lần cho phép. Vui lòng đăng ký lại.',
  'otp-wrong': (problem) => `Mã xác thực không đúng. Còn ${problem.attemptsLeft ?? 0} lần thử.`,
  'otp-expired': () => 'Mã xác thực đã hết hạn: gửi lại mã, hoặc đăng ký lại nếu đã hết lượt gửi lại.',
  'otp-not-confirmed': () => 'Vui lòng xác nhận mã gửi qua SMS trước.',
  'password-rules': () => 'Mật khẩu chưa đạt yêu cầu.',
  'sign-in-failed': (problem) => `Số định danh hoặc mật khẩu không đúng. Còn ${problem.attemptsLeft ?? 0} lần thử.`,
  'sign-in-locked': (problem) => `Đã nhập sai mật khẩu ${SIGN_IN_MAX_WRONG} lần: số định danh này bị tạm khóa đăng nhập đến ${problem.lockedUntil ? clock(problem.lockedUntil) : 'ít phút nữa'}.`,
  unauthorized: () => 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
  rate_limited: () => 'Thao tác quá nhanh. Vui lòng thử lại sau ít phút.',
  invalid_request: () => 'Thông tin nhập chưa đúng định dạng.',
  network: () => 'Không kết nối được máy chủ. Kiểm tra mạng và thử lại.',
};

export function problemText(problem: CitizenProblem): string {
  return problems[problem.code]?.(problem) ?? `Có lỗi xảy ra (${problem.code}).`;
}

export const passwordRuleText: Record<PasswordRule, string> = {
  length: 'Từ 8 đến 20 ký tự',
  digit: 'Có chữ số',
  lower: 'Có chữ thường',
  upper: 'Có chữ hoa',
  special: 'Có ký tự đặc biệt',
};

export const sexText = { male: 'Nam', female: 'Nữ' } as const;

/** `yyyy-MM-dd` as `dd/MM/yyyy`. */
export const slashedDate = (iso: string) => iso.split('-').reverse().join('/');

/** Seconds as `m:ss`. */
export const countdown = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

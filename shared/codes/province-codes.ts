// Place-of-birth-registration codes that open every 12-digit personal ID number (Circular
// 07/2016/TT-BCA, Appendix 1), with the province each belongs to after the 2025 merger
// (Resolution 202/2025/QH15). Source: shared/reference/province-codes.csv; a test keeps both equal.
// The code is where a birth was registered, never where the person lives now.

export interface ProvinceCode {
  readonly code: string;
  /** Name under the 2016 list. */
  readonly name: string;
  /** Province the code belongs to from 1 July 2025. ID numbers did not change with the merger. */
  readonly provinceFrom2025: string;
}

export const PROVINCE_CODES: readonly ProvinceCode[] = [
  { code: '001', name: 'Hà Nội', provinceFrom2025: 'Hà Nội' },
  { code: '002', name: 'Hà Giang', provinceFrom2025: 'Tuyên Quang' },
  { code: '004', name: 'Cao Bằng', provinceFrom2025: 'Cao Bằng' },
  { code: '006', name: 'Bắc Kạn', provinceFrom2025: 'Thái Nguyên' },
  { code: '008', name: 'Tuyên Quang', provinceFrom2025: 'Tuyên Quang' },
  { code: '010', name: 'Lào Cai', provinceFrom2025: 'Lào Cai' },
  { code: '011', name: 'Điện Biên', provinceFrom2025: 'Điện Biên' },
  { code: '012', name: 'Lai Châu', provinceFrom2025: 'Lai Châu' },
  { code: '014', name: 'Sơn La', provinceFrom2025: 'Sơn La' },
  { code: '015', name: 'Yên Bái', provinceFrom2025: 'Lào Cai' },
  { code: '017', name: 'Hòa Bình', provinceFrom2025: 'Phú Thọ' },
  { code: '019', name: 'Thái Nguyên', provinceFrom2025: 'Thái Nguyên' },
  { code: '020', name: 'Lạng Sơn', provinceFrom2025: 'Lạng Sơn' },
  { code: '022', name: 'Quảng Ninh', provinceFrom2025: 'Quảng Ninh' },
  { code: '024', name: 'Bắc Giang', provinceFrom2025: 'Bắc Ninh' },
  { code: '025', name: 'Phú Thọ', provinceFrom2025: 'Phú Thọ' },
  { code: '026', name: 'Vĩnh Phúc', provinceFrom2025: 'Phú Thọ' },
  { code: '027', name: 'Bắc Ninh', provinceFrom2025: 'Bắc Ninh' },
  { code: '030', name: 'Hải Dương', provinceFrom2025: 'Hải Phòng' },
  { code: '031', name: 'Hải Phòng', provinceFrom2025: 'Hải Phòng' },
  { code: '033', name: 'Hưng Yên', provinceFrom2025: 'Hưng Yên' },
  { code: '034', name: 'Thái Bình', provinceFrom2025: 'Hưng Yên' },
  { code: '035', name: 'Hà Nam', provinceFrom2025: 'Ninh Bình' },
  { code: '036', name: 'Nam Định', provinceFrom2025: 'Ninh Bình' },
  { code: '037', name: 'Ninh Bình', provinceFrom2025: 'Ninh Bình' },
  { code: '038', name: 'Thanh Hóa', provinceFrom2025: 'Thanh Hóa' },
  { code: '040', name: 'Nghệ An', provinceFrom2025: 'Nghệ An' },
  { code: '042', name: 'Hà Tĩnh', provinceFrom2025: 'Hà Tĩnh' },
  { code: '044', name: 'Quảng Bình', provinceFrom2025: 'Quảng Trị' },
  { code: '045', name: 'Quảng Trị', provinceFrom2025: 'Quảng Trị' },
  { code: '046', name: 'Thừa Thiên Huế', provinceFrom2025: 'Huế' },
  { code: '048', name: 'Đà Nẵng', provinceFrom2025: 'Đà Nẵng' },
  { code: '049', name: 'Quảng Nam', provinceFrom2025: 'Đà Nẵng' },
  { code: '051', name: 'Quảng Ngãi', provinceFrom2025: 'Quảng Ngãi' },
  { code: '052', name: 'Bình Định', provinceFrom2025: 'Gia Lai' },
  { code: '054', name: 'Phú Yên', provinceFrom2025: 'Đắk Lắk' },
  { code: '056', name: 'Khánh Hòa', provinceFrom2025: 'Khánh Hòa' },
  { code: '058', name: 'Ninh Thuận', provinceFrom2025: 'Khánh Hòa' },
  { code: '060', name: 'Bình Thuận', provinceFrom2025: 'Lâm Đồng' },
  { code: '062', name: 'Kon Tum', provinceFrom2025: 'Quảng Ngãi' },
  { code: '064', name: 'Gia Lai', provinceFrom2025: 'Gia Lai' },
  { code: '066', name: 'Đắk Lắk', provinceFrom2025: 'Đắk Lắk' },
  { code: '067', name: 'Đắk Nông', provinceFrom2025: 'Lâm Đồng' },
  { code: '068', name: 'Lâm Đồng', provinceFrom2025: 'Lâm Đồng' },
  { code: '070', name: 'Bình Phước', provinceFrom2025: 'Đồng Nai' },
  { code: '072', name: 'Tây Ninh', provinceFrom2025: 'Tây Ninh' },
  { code: '074', name: 'Bình Dương', provinceFrom2025: 'Hồ Chí Minh' },
  { code: '075', name: 'Đồng Nai', provinceFrom2025: 'Đồng Nai' },
  { code: '077', name: 'Bà Rịa - Vũng Tàu', provinceFrom2025: 'Hồ Chí Minh' },
  { code: '079', name: 'Hồ Chí Minh', provinceFrom2025: 'Hồ Chí Minh' },
  { code: '080', name: 'Long An', provinceFrom2025: 'Tây Ninh' },
  { code: '082', name: 'Tiền Giang', provinceFrom2025: 'Đồng Tháp' },
  { code: '083', name: 'Bến Tre', provinceFrom2025: 'Vĩnh Long' },
  { code: '084', name: 'Trà Vinh', provinceFrom2025: 'Vĩnh Long' },
  { code: '086', name: 'Vĩnh Long', provinceFrom2025: 'Vĩnh Long' },
  { code: '087', name: 'Đồng Tháp', provinceFrom2025: 'Đồng Tháp' },
  { code: '089', name: 'An Giang', provinceFrom2025: 'An Giang' },
  { code: '091', name: 'Kiên Giang', provinceFrom2025: 'An Giang' },
  { code: '092', name: 'Cần Thơ', provinceFrom2025: 'Cần Thơ' },
  { code: '093', name: 'Hậu Giang', provinceFrom2025: 'Cần Thơ' },
  { code: '094', name: 'Sóc Trăng', provinceFrom2025: 'Cần Thơ' },
  { code: '095', name: 'Bạc Liêu', provinceFrom2025: 'Cà Mau' },
  { code: '096', name: 'Cà Mau', provinceFrom2025: 'Cà Mau' },
];

const byCode = new Map(PROVINCE_CODES.map((entry) => [entry.code, entry]));

export function findProvince(code: string): ProvinceCode | undefined {
  return byCode.get(code);
}

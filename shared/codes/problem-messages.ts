// Officer-facing messages, Vietnamese first, keyed by problem code. Placeholders use i18next syntax
// (`{{name}}`) so the renderer can load `problemMessages.vi` as an i18next namespace as it is;
// `{{field}}` is the field's label from `fieldLabels` in the same language. Params never carry
// personal data, so a message can be logged.

import type { ProblemCode } from './problems';

type Catalog = Record<ProblemCode, string>;

const vi: Catalog = {
  'input.not-text': 'Dữ liệu quét được không phải là văn bản.',
  'input.empty': 'Mã quét được không có nội dung.',
  'input.too-large': 'Mã quá dài ({{bytes}} byte, tối đa {{max}} byte): không phải mã giấy tờ hợp lệ.',
  'input.control-characters': 'Mã chứa ký tự điều khiển ({{codePoint}}): đã từ chối, không đọc nội dung.',
  'input.malformed-unicode': 'Mã chứa chuỗi Unicode hỏng: đã từ chối, không đọc nội dung.',
  'input.too-many-fields': 'Mã có quá nhiều trường ({{count}}, tối đa {{max}}): đã từ chối.',
  'encoding.mojibake':
    'Chữ tiếng Việt bị lỗi bảng mã (máy quét đang đọc UTF-8 theo Windows-1252). Hãy chuyển máy quét sang UTF-8 rồi quét lại.',
  'encoding.diacritics-lost':
    '{{field}}: dấu tiếng Việt bị mất hoặc bị thay bằng "?" (máy quét đang ở chế độ ASCII). Hãy chuyển máy quét sang UTF-8 rồi quét lại.',
  'encoding.possibly-ascii':
    'Họ tên và địa chỉ không có dấu tiếng Việt: có thể máy quét đang ở chế độ ASCII. Hãy kiểm tra với giấy tờ.',
  'format.unrecognised': 'Không nhận dạng được loại mã này.',
  'format.layout': 'Mã có dạng thẻ căn cước nhưng các trường không đúng thứ tự của thẻ (giới tính ở chỗ họ tên, hay ngày tháng viết kiểu khác): mã không do thẻ tạo ra, cần kiểm tra giấy tờ.',
  'format.unexpected-field-count':
    'Mã có {{count}} trường thay vì {{expected}} như thường lệ; các trường thêm được giữ nguyên. Hãy kiểm tra với giấy tờ.',
  'field.required': '{{field}}: bắt buộc, chưa có nội dung.',
  'field.empty': '{{field}}: để trống.',
  'field.invalid': '{{field}}: giá trị không hợp lệ.',
  'field.too-long': '{{field}}: quá dài (tối đa {{max}} ký tự).',
  'id.invalid-format': '{{field}}: phải gồm đúng 12 chữ số.',
  'id.unknown-place-code':
    '{{field}}: mã nơi đăng ký khai sinh không có trong danh mục tỉnh (có thể là mã quốc gia nếu khai sinh ở nước ngoài).',
  'id.birth-year-mismatch':
    '{{field}}: năm sinh theo số định danh khác năm sinh trên giấy tờ. Hãy kiểm tra với giấy tờ.',
  'id.sex-mismatch': '{{field}}: giới tính theo số định danh khác giới tính trên giấy tờ. Hãy kiểm tra với giấy tờ.',
  'old-id.invalid-format': '{{field}}: phải để trống hoặc gồm 9 hay 12 chữ số.',
  'name.unusual-characters': '{{field}}: có ký tự lạ (chữ số hoặc ký hiệu).',
  'date.invalid': '{{field}}: ngày không hợp lệ.',
  'date.in-future': '{{field}}: ngày ở tương lai.',
  'date.issue-before-birth': '{{field}}: ngày cấp trước ngày sinh.',
  'sex.invalid': '{{field}}: phải là "Nam" hoặc "Nữ".',
  'phone.invalid': '{{field}}: số điện thoại Việt Nam gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84).',
  'plate.invalid': '{{field}}: biển số không đúng dạng (ví dụ 29A-123.45 hoặc 29-B1 123.45).',
  'bhyt.undecodable-field': '{{field}}: không giải mã được nội dung thẻ BHYT; đã giữ nguyên dữ liệu gốc.',
  'bhyt.expired': '{{field}}: thẻ BHYT đã hết hạn ngày {{date}}.',
  'bhyt.not-yet-valid': '{{field}}: thẻ BHYT chưa có giá trị, chỉ dùng được từ ngày {{date}}.',
  'dcc.prefix': 'Mã có dạng hộ chiếu vắc-xin nhưng không bắt đầu bằng "HC1:": không phải chứng nhận hợp lệ.',
  'dcc.base45': 'Hộ chiếu vắc-xin bị hỏng (dữ liệu Base45 sai): không đọc được. Hãy quét lại.',
  'dcc.compression': 'Hộ chiếu vắc-xin bị hỏng (dữ liệu nén sai hoặc không được nén): không đọc được.',
  'dcc.cose': 'Hộ chiếu vắc-xin không đúng cấu trúc chữ ký (COSE): không kiểm tra được.',
  'dcc.cbor': 'Nội dung hộ chiếu vắc-xin không đúng cấu trúc (CBOR/CWT): không đọc được.',
  'dcc.unknown-signer': 'Hộ chiếu vắc-xin do một đơn vị ký không có trong danh sách tin cậy: không xác thực được.',
  'dcc.signature': 'Chữ ký của hộ chiếu vắc-xin không đúng: dữ liệu đã bị sửa hoặc giả mạo.',
  'dcc.key-usage': 'Đơn vị ký không được phép cấp loại chứng nhận này (tiêm chủng, xét nghiệm hay khỏi bệnh).',
  'dcc.signer-not-valid': 'Chứng thư của đơn vị ký không còn hiệu lực tại thời điểm kiểm tra (chỉ có hiệu lực từ {{from}} đến {{until}}).',
  'dcc.schema': 'Nội dung chứng nhận không đúng mẫu của phiên bản {{version}}: không dùng được.',
  'dcc.expired': 'Hộ chiếu vắc-xin đã hết hạn ngày {{date}}.',
  'dcc.not-yet-valid': 'Hộ chiếu vắc-xin chưa có hiệu lực: ngày cấp {{date}} ở sau thời điểm kiểm tra.',
  'dcc.unverifiable': 'Chương trình này không kiểm tra được hộ chiếu vắc-xin ở đây.',
  'card.expired': 'Thẻ đã hết hạn sử dụng (phải đổi thẻ khi công dân đủ {{milestoneAge}} tuổi).',
  'card.not-from-card': 'Dữ liệu được dán hoặc nhập lại, không đọc trực tiếp từ mã QR trên thẻ.',
  'declaration.invalid-input': 'Tờ khai không đúng cấu trúc.',
  'internal.unexpected': 'Lỗi nội bộ khi đọc mã. Hãy quét lại hoặc nhập tờ khai.',
};

const en: Catalog = {
  'input.not-text': 'The scanned data is not text.',
  'input.empty': 'The scanned code is empty.',
  'input.too-large': 'The code is too long ({{bytes}} bytes, at most {{max}}): not a valid document code.',
  'input.control-characters': 'The code contains a control character ({{codePoint}}): rejected unread.',
  'input.malformed-unicode': 'The code contains broken Unicode: rejected unread.',
  'input.too-many-fields': 'The code has too many fields ({{count}}, at most {{max}}): rejected.',
  'encoding.mojibake':
    'Vietnamese text is garbled (the scanner decodes UTF-8 as Windows-1252). Switch the scanner to UTF-8 and scan again.',
  'encoding.diacritics-lost':
    '{{field}}: Vietnamese diacritics were stripped or replaced by "?" (scanner in ASCII mode). Switch the scanner to UTF-8 and scan again.',
  'encoding.possibly-ascii':
    'Name and address carry no Vietnamese diacritics: the scanner may be in ASCII mode. Check against the document.',
  'format.unrecognised': 'This kind of code is not recognised.',
  'format.layout': 'The code has an ID card’s shape but not its field order (a sex where the name belongs, dates written another way): no card made it; check the document.',
  'format.unexpected-field-count':
    'The code has {{count}} fields instead of the usual {{expected}}; extra fields are kept. Check against the document.',
  'field.required': '{{field}}: required, missing.',
  'field.empty': '{{field}}: empty.',
  'field.invalid': '{{field}}: invalid value.',
  'field.too-long': '{{field}}: too long (at most {{max}} characters).',
  'id.invalid-format': '{{field}}: must be exactly 12 digits.',
  'id.unknown-place-code':
    '{{field}}: the birth-registration code is not a province code (it may be a country code for a birth registered abroad).',
  'id.birth-year-mismatch':
    '{{field}}: the birth year encoded in the ID number differs from the document. Check against the document.',
  'id.sex-mismatch': '{{field}}: the sex encoded in the ID number differs from the document. Check against the document.',
  'old-id.invalid-format': '{{field}}: must be empty or 9 or 12 digits.',
  'name.unusual-characters': '{{field}}: contains unusual characters (digits or symbols).',
  'date.invalid': '{{field}}: not a real date.',
  'date.in-future': '{{field}}: date is in the future.',
  'date.issue-before-birth': '{{field}}: issued before the date of birth.',
  'sex.invalid': '{{field}}: must be "Nam" (male) or "Nữ" (female).',
  'phone.invalid': '{{field}}: a Vietnamese phone number has 10 digits starting with 0 (or +84).',
  'plate.invalid': '{{field}}: not a plate number (e.g. 29A-123.45 or 29-B1 123.45).',
  'bhyt.undecodable-field': '{{field}}: could not decode this health-insurance card field; the raw value is kept.',
  'bhyt.expired': '{{field}}: the health-insurance card expired on {{date}}.',
  'bhyt.not-yet-valid': '{{field}}: the health-insurance card is not valid before {{date}}.',
  'dcc.prefix': 'The code looks like a vaccine passport but does not start with "HC1:": not a valid certificate.',
  'dcc.base45': 'The vaccine passport is damaged (bad Base45 data) and cannot be read. Scan again.',
  'dcc.compression': 'The vaccine passport is damaged (its compressed data is broken or not compressed) and cannot be read.',
  'dcc.cose': 'The vaccine passport does not have the signed structure (COSE) it must have: it cannot be checked.',
  'dcc.cbor': 'The vaccine passport’s content does not have the structure it must have (CBOR/CWT) and cannot be read.',
  'dcc.unknown-signer': 'The vaccine passport was signed by someone not on the trust list: it cannot be authenticated.',
  'dcc.signature': 'The vaccine passport’s signature is wrong: its data was altered or forged.',
  'dcc.key-usage': 'The signer may not issue this kind of certificate (vaccination, test or recovery).',
  'dcc.signer-not-valid': 'The signer’s certificate is not valid at the time of the check (valid only from {{from}} to {{until}}).',
  'dcc.schema': 'The certificate does not follow the schema of version {{version}}: it cannot be used.',
  'dcc.expired': 'The vaccine passport expired on {{date}}.',
  'dcc.not-yet-valid': 'The vaccine passport is not valid yet: it was issued on {{date}}, after the time of the check.',
  'dcc.unverifiable': 'Vaccine passports cannot be verified here.',
  'card.expired': 'The card has expired (it had to be renewed when the holder turned {{milestoneAge}}).',
  'card.not-from-card': 'The data was pasted or retyped, not read from the QR code on the card.',
  'declaration.invalid-input': 'The declaration does not have the expected structure.',
  'internal.unexpected': 'Internal error while reading the code. Scan again or fill in a declaration.',
};

export const problemMessages = { vi, en } as const;

type Labels = Record<string, string>;

const viLabels: Labels = {
  idNumber: 'Số định danh cá nhân',
  oldIdNumber: 'Số CMND cũ',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  sex: 'Giới tính',
  address: 'Nơi thường trú',
  issueDate: 'Ngày cấp',
  documentNumber: 'Số giấy tờ',
  cardNumber: 'Mã thẻ BHYT',
  validFrom: 'Giá trị sử dụng từ',
  validUntil: 'Giá trị sử dụng đến',
  issuingPlace: 'Nơi cấp',
  phone: 'Số điện thoại',
  'address.province': 'Tỉnh/thành phố',
  'address.district': 'Quận/huyện hoặc xã/phường',
  'address.detail': 'Địa chỉ chi tiết',
  'travel.from': 'Nơi đi',
  'travel.to': 'Nơi đến',
  vehiclePlate: 'Biển số xe',
  'health.symptoms': 'Triệu chứng',
  'health.symptomNotes': 'Ghi chú triệu chứng',
  'health.contactWithConfirmedCase': 'Tiếp xúc với ca bệnh',
  'health.vaccinationDoses': 'Số mũi vắc-xin',
};

const enLabels: Labels = {
  idNumber: 'Personal ID number',
  oldIdNumber: 'Old ID card number',
  fullName: 'Full name',
  birthDate: 'Date of birth',
  sex: 'Sex',
  address: 'Permanent address',
  issueDate: 'Date of issue',
  documentNumber: 'Document number',
  cardNumber: 'Health-insurance card number',
  validFrom: 'Valid from',
  validUntil: 'Valid until',
  issuingPlace: 'Issued in',
  phone: 'Phone number',
  'address.province': 'Province/city',
  'address.district': 'District or commune',
  'address.detail': 'Street address',
  'travel.from': 'Travelling from',
  'travel.to': 'Travelling to',
  vehiclePlate: 'Vehicle plate',
  'health.symptoms': 'Symptoms',
  'health.symptomNotes': 'Symptom notes',
  'health.contactWithConfirmedCase': 'Contact with a confirmed case',
  'health.vaccinationDoses': 'Vaccination doses',
};

export const fieldLabels = { vi: viLabels, en: enLabels } as const;

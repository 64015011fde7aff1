// Vietnamese name parts for the synthetic register, weighted roughly by how common they are
// (about four in ten Vietnamese are Nguyễn). Names are written family, middle, given.

export const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 2], ['Phan', 4.5],
  ['Vũ', 2.5], ['Võ', 1.5], ['Đặng', 2.1], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3],
  ['Dương', 1], ['Lý', 0.5], ['Đinh', 0.6], ['Trương', 0.6], ['Lương', 0.4], ['Mai', 0.4], ['Tạ', 0.3], ['Hà', 0.4],
];

export const MALE_MIDDLE_NAMES: readonly (readonly [string, number])[] = [
  ['Văn', 40], ['Hữu', 8], ['Đức', 8], ['Minh', 10], ['Quốc', 6], ['Thành', 5], ['Công', 5],
  ['Xuân', 4], ['Quang', 5], ['Ngọc', 3], ['Gia', 3], ['Hoàng', 3], ['Trọng', 3], ['Tiến', 2],
];

/** Thị is the commonest by far, less so among women born from the 1990s. */
export const FEMALE_MIDDLE_NAMES: readonly (readonly [string, number])[] = [
  ['Ngọc', 5], ['Thu', 4], ['Thanh', 4], ['Mai', 3], ['Hồng', 3], ['Kim', 3], ['Phương', 3],
  ['Bảo', 2], ['Minh', 2], ['Khánh', 2], ['Diệu', 1], ['Quỳnh', 1],
];

export const MALE_GIVEN_NAMES: readonly string[] = [
  'Anh', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đức', 'Dương', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy',
  'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân',
  'Quang', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Thịnh', 'Tiến', 'Toàn', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh',
];

export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'An', 'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hồng', 'Huệ', 'Hương',
  'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương',
  'Quỳnh', 'Tâm', 'Thảo', 'Thu', 'Thủy', 'Trang', 'Trinh', 'Tuyết', 'Uyên', 'Vân', 'Yến',
];

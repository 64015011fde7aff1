/**
 * Folds Vietnamese text for searching: lower case, no tone marks or diacritics, đ → d, spaces
 * collapsed. An officer typing "nguyen van dong" finds "Nguyễn Văn Đông".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Vehicle plates are typed as "29A-123.45", "29a12345" or "29 A 123 45": compare them bare. */
export function normalisePlate(plate: string): string {
  return plate.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

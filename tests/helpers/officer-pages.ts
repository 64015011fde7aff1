import type { Page } from 'playwright-core';

/** Types an officer id and PIN into the sign-in form and presses Enter, as an officer does. */
export async function typeSignIn(page: Page, officerId: string, pin: string): Promise<void> {
  await page.getByTestId('sign-in-officer').fill(officerId);
  await page.getByTestId('sign-in-pin').fill(pin);
  await page.keyboard.press('Enter');
}

/** Signs in and waits for the shift to start. */
export async function signIn(page: Page, officerId: string, pin: string): Promise<void> {
  await typeSignIn(page, officerId, pin);
  await page.getByTestId('officer-badge').waitFor();
}

/** A supervisor adds an officer on the Cán bộ screen (open already), by its Vietnamese labels. */
export async function addOfficerInApp(page: Page, officer: { id: string; name: string; pin: string }): Promise<void> {
  const form = page.getByTestId('add-officer');
  await form.getByLabel('Mã cán bộ').fill(officer.id);
  await form.getByLabel('Họ tên').fill(officer.name);
  await form.getByLabel('Mã PIN (4–8 chữ số)').fill(officer.pin);
  await form.getByLabel('Nhập lại mã PIN').fill(officer.pin);
  await form.getByRole('button', { name: 'Thêm' }).click();
  await page.getByTestId(`officer-${officer.id}`).waitFor();
}

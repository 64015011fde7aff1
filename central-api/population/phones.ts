/**
 * The simulated carriers' number for a citizen of the synthetic register: a 09x mobile number
 * made of the ID number's last eight digits (its birth year and serial). Synthetic, like the
 * register; a number two citizens would share belongs to the first registered.
 */
export function subscriberPhoneOf(idNumber: string): string {
  return `09${idNumber.slice(-8)}`;
}

// Splitting a payload into its `|`-separated fields, and keeping the ones we cannot name.

/** Fields with surrounding spaces trimmed: scanners and copy-paste add them, documents never do. */
export function splitFields(text: string): string[] {
  return text.split('|').map((part) => part.trim());
}

/** Fields from position `known + 1` on, keyed `field8`, `field9`… (1-based, as people count them). */
export function extrasFrom(parts: readonly string[], known: number): Record<string, string> {
  const extras: Record<string, string> = {};
  parts.slice(known).forEach((value, offset) => {
    extras[`field${known + offset + 1}`] = value;
  });
  return extras;
}

import type { OfficerRole } from '../../../shared/records/officer';

/** The officer's screens, in the order of the tabs and of their Alt+digit shortcuts. */
export const views = ['scan', 'declaration', 'history', 'shift', 'status', 'settings', 'officers'] as const;
export type View = (typeof views)[number];

/** The screens only a supervisor has: the core refuses their commands to anyone else anyway. */
const supervisorViews: readonly View[] = ['settings', 'officers'];

export function viewsFor(role: OfficerRole): readonly View[] {
  return role === 'supervisor' ? views : views.filter((view) => !supervisorViews.includes(view));
}

/** Alt+1…Alt+6 switch screens; Esc clears the verdict; Alt+O / Alt+B act on the shown passage. */
export type Shortcut = { kind: 'view'; view: View } | { kind: 'clear-verdict' } | { kind: 'override' } | { kind: 'annotate' };

export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'code' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): Shortcut | null {
  if (event.ctrlKey || event.metaKey || event.shiftKey) return null;
  if (!event.altKey) return event.key === 'Escape' ? { kind: 'clear-verdict' } : null;
  // `code`, not `key`: Alt+digit gives other characters on some layouts.
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
  const view = digit === undefined ? undefined : views[Number(digit) - 1];
  if (view !== undefined) return { kind: 'view', view };
  if (event.code === 'KeyO') return { kind: 'override' };
  if (event.code === 'KeyB') return { kind: 'annotate' };
  return null;
}

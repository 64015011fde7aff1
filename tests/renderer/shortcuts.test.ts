import { describe, expect, it } from 'vitest';
import { shortcutFor, views } from '../../renderer/src/shell/views';

const key = (code: string, options: { key?: string; altKey?: boolean; ctrlKey?: boolean; shiftKey?: boolean } = {}) => ({
  code,
  key: options.key ?? code,
  altKey: options.altKey ?? false,
  ctrlKey: options.ctrlKey ?? false,
  metaKey: false,
  shiftKey: options.shiftKey ?? false,
});

describe('keyboard shortcuts', () => {
  it('Alt+1…Alt+7 open the screens in tab order, by physical key (layout-independent)', () => {
    expect(views.map((_, index) => shortcutFor(key(`Digit${index + 1}`, { altKey: true, key: '¡' })))).toEqual(views.map((view) => ({ kind: 'view', view })));
    expect(shortcutFor(key(`Digit${views.length + 1}`, { altKey: true }))).toBeNull();
  });

  it('Esc clears the verdict; Alt+O overrides and Alt+B annotates the shown passage', () => {
    expect(shortcutFor(key('Escape', { key: 'Escape' }))).toEqual({ kind: 'clear-verdict' });
    expect(shortcutFor(key('KeyO', { altKey: true }))).toEqual({ kind: 'override' });
    expect(shortcutFor(key('KeyB', { altKey: true }))).toEqual({ kind: 'annotate' });
  });

  it('typing (plain keys, digits, Ctrl/Shift combinations) is never taken as a shortcut', () => {
    expect(shortcutFor(key('Digit1', { key: '1' }))).toBeNull();
    expect(shortcutFor(key('KeyO', { key: 'o' }))).toBeNull();
    expect(shortcutFor(key('Digit1', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(shortcutFor(key('KeyO', { shiftKey: true, altKey: true }))).toBeNull();
  });
});

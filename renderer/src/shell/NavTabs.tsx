import { useTranslation } from 'react-i18next';
import { views, type View } from './views';

/** The screens this officer has, as tabs, each with its Alt+digit shortcut shown and announced. */
export function NavTabs({ current, allowed, onSelect }: { current: View; allowed: readonly View[]; onSelect(view: View): void }) {
  const { t } = useTranslation();
  return (
    <nav className="nav-tabs" aria-label={t('nav.label')}>
      {allowed.map((view) => ({ view, index: views.indexOf(view) })).map(({ view, index }) => (
        <button
          key={view}
          type="button"
          aria-current={view === current ? 'page' : undefined}
          aria-keyshortcuts={`Alt+${index + 1}`}
          onClick={() => onSelect(view)}
          data-testid={`nav-${view}`}
        >
          {t(`nav.${view}`)} <kbd>Alt+{index + 1}</kbd>
        </button>
      ))}
    </nav>
  );
}

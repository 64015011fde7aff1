import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A modal dialog (native <dialog>: focus trapped, Esc closes) around one passage action. */
export function PassageDialog({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current!;
    element.showModal();
    return () => element.close();
  }, []);
  return (
    <dialog ref={dialog} className="card passage-dialog" aria-labelledby="passage-dialog-title" onClose={onClose} data-testid="passage-dialog">
      <h2 id="passage-dialog-title">{title}</h2>
      {children}
      <button type="button" onClick={onClose}>
        {t('common.close')}
      </button>
    </dialog>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { Passage, Verdict } from '../../../shared/records/passage';
import { AnnotateForm } from './AnnotateForm';
import { OverrideForm } from './OverrideForm';
import { PassageDialog } from './PassageDialog';

type OpenAction = { kind: 'override'; passageId: string; current: Verdict } | { kind: 'annotate'; passageId: string; plate: string | null; note: string | null };

/** The override and plate/note dialogs, opened from the verdict panel, a shortcut or the history. */
export function usePassageActions(client: StationClient, onChanged?: (passage: Passage) => void) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OpenAction | null>(null);
  const done = (passage: Passage) => {
    setOpen(null);
    onChanged?.(passage);
  };
  const dialog =
    open === null ? null : (
      <PassageDialog title={t(open.kind === 'override' ? 'override.heading' : 'annotate.heading')} onClose={() => setOpen(null)}>
        {open.kind === 'override' ? (
          <OverrideForm client={client} passageId={open.passageId} current={open.current} onDone={done} />
        ) : (
          <AnnotateForm client={client} passageId={open.passageId} plate={open.plate} note={open.note} onDone={done} />
        )}
      </PassageDialog>
    );
  return {
    dialog,
    openOverride: (passageId: string, current: Verdict) => setOpen({ kind: 'override', passageId, current }),
    openAnnotate: (passageId: string, plate: string | null = null, note: string | null = null) => setOpen({ kind: 'annotate', passageId, plate, note }),
  };
}

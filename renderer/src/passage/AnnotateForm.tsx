import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { Passage } from '../../../shared/records/passage';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** A vehicle plate and a free note on a passage (audited, synced with it). */
export function AnnotateForm({ client, passageId, plate, note, onDone }: { client: StationClient; passageId: string; plate: string | null; note: string | null; onDone(passage: Passage): void }) {
  const { t } = useTranslation();
  const [plateText, setPlateText] = useState(plate ?? '');
  const [noteText, setNoteText] = useState(note ?? '');
  const annotate = useCommand(client, 'annotatePassage');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const passage = await annotate.run({ passageId, plate: orNull(plateText), note: orNull(noteText) });
    if (passage !== null) onDone(passage);
  }

  return (
    <form className="stack" onSubmit={(event) => void submit(event)} data-testid="annotate-form">
      <label className="field">
        <span>{t('annotate.plate')}</span>
        <input maxLength={20} value={plateText} onChange={(event) => setPlateText(event.target.value.toUpperCase())} placeholder="29A-123.45" data-testid="annotate-plate" />
      </label>
      <label className="field">
        <span>{t('annotate.note')}</span>
        <textarea maxLength={500} rows={2} value={noteText} onChange={(event) => setNoteText(event.target.value)} data-testid="annotate-note" />
      </label>
      <button type="submit" className="primary" disabled={annotate.state.kind === 'running'} data-testid="annotate-submit">
        {t('annotate.submit')}
      </button>
      {annotate.state.kind === 'failed' && <CommandErrorBanner error={annotate.state.error} />}
    </form>
  );
}

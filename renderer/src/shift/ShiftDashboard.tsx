import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationClient } from '../../../shared/contract/client';
import type { OfficerSession } from '../../../shared/records/officer';
import { verdictSchema } from '../../../shared/records/passage';
import type { ShiftSummary } from '../../../shared/records/shift-summary';
import { VerdictIcon } from '../scan/VerdictIcon';
import { CommandErrorBanner } from '../shell/CommandError';
import { useCommand } from '../shell/use-command';
import { useFormatters } from '../shell/use-formatters';
import { HourlyChart } from './HourlyChart';

/** Minutes of offline time, as the officer reads them. */
function formatDuration(ms: number, t: (key: string, options: Record<string, number>) => string): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 60 ? t('shift.minutes', { count: minutes }) : t('shift.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** The shift so far (from sign-in): counts by verdict, per hour, offline time, queue; and the printable report. */
export function ShiftDashboard({ client, officer }: { client: StationClient; officer: OfficerSession }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const [summary, setSummary] = useState<ShiftSummary | null>(null);
  const load = useCommand(client, 'shiftSummary');
  const report = useCommand(client, 'exportShiftReport');
  const { run } = load;
  const range = useCallback(() => ({ from: officer.signedInAt, to: new Date(Date.now() + 1000).toISOString(), utcOffsetMinutes: -new Date().getTimezoneOffset() }), [officer.signedInAt]);

  const refresh = useCallback(async () => {
    const next = await run(range());
    if (next !== null) setSummary(next);
  }, [run, range]);
  useEffect(() => void refresh(), [refresh]);
  useEffect(() => client.on('scan', () => void refresh()), [client, refresh]);
  useEffect(() => {
    const timer = setInterval(() => void refresh(), 30_000); // offline time and queue move without scans
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <main className="shift-view">
      <section className="card" aria-labelledby="shift-heading">
        <h2 id="shift-heading">{t('shift.heading', { officer: officer.name, time: format.time(officer.signedInAt) })}</h2>
        {load.state.kind === 'failed' && <CommandErrorBanner error={load.state.error} />}
        {summary !== null && (
          <>
            <ul className="verdict-tiles" data-testid="shift-counts">
              {verdictSchema.options.map((verdict) => (
                <li key={verdict} className={`tile verdict-${verdict}`} data-testid={`shift-count-${verdict}`} data-count={summary.byVerdict[verdict]}>
                  <VerdictIcon verdict={verdict} />
                  <strong>{summary.byVerdict[verdict]}</strong>
                  <span>{t(`verdict.words.${verdict}`)}</span>
                </li>
              ))}
            </ul>
            <dl>
              <dt>{t('shift.overrides')}</dt>
              <dd data-testid="shift-overrides">{summary.overrides}</dd>
              <dt>{t('shift.offlineVerdicts')}</dt>
              <dd>{summary.offlineVerdicts}</dd>
              <dt>{t('shift.offlineTime')}</dt>
              <dd data-testid="shift-offline-time">{formatDuration(summary.offlineMs, t)}</dd>
              <dt>{t('shift.queue')}</dt>
              <dd data-testid="shift-queue">{summary.pending}</dd>
              <dt>{t('shift.deadLetters')}</dt>
              <dd>{summary.deadLetters}</dd>
            </dl>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="shift-chart-heading">
        <h2 id="shift-chart-heading">{t('shift.perHour')}</h2>
        {summary !== null && <HourlyChart counts={summary.perHour} />}
      </section>
      <section className="card" aria-labelledby="shift-report-heading">
        <h2 id="shift-report-heading">{t('shift.report')}</h2>
        <p className="muted">{t('shift.reportHint')}</p>
        <button type="button" className="primary" onClick={() => void report.run({ ...range(), locale: i18n.language === 'en' ? 'en' : 'vi' })} data-testid="shift-report">
          {t('shift.makeReport')}
        </button>
        {report.state.kind === 'done' && (
          <p role="status" data-testid="shift-report-result">
            {t('shift.reportDone', { path: report.state.value.path })}
          </p>
        )}
        {report.state.kind === 'failed' && <CommandErrorBanner error={report.state.error} />}
      </section>
    </main>
  );
}

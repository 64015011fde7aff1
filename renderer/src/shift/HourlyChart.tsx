import { useTranslation } from 'react-i18next';
import type { HourlyCount } from '../../../shared/records/passage-query';
import { verdictSchema, type Verdict } from '../../../shared/records/passage';

const verdicts = verdictSchema.options;

/** Passages per hour, stacked by verdict; the same figures as a table for screen readers. */
export function HourlyChart({ counts }: { counts: HourlyCount[] }) {
  const { t } = useTranslation();
  const hours = [...new Set(counts.map((count) => count.hour))].sort((a, b) => a - b);
  const countAt = (hour: number, verdict: Verdict) => counts.find((count) => count.hour === hour && count.verdict === verdict)?.count ?? 0;
  const totals = hours.map((hour) => verdicts.reduce((sum, verdict) => sum + countAt(hour, verdict), 0));
  const max = Math.max(1, ...totals);
  const barWidth = 28;
  const height = 160;
  if (hours.length === 0) return <p className="muted">{t('shift.noPassages')}</p>;
  return (
    <figure className="hourly-chart">
      <svg viewBox={`0 0 ${hours.length * (barWidth + 8) + 8} ${height + 24}`} role="img" aria-labelledby="hourly-caption" data-testid="hourly-chart">
        {hours.map((hour, column) => {
          let y = height;
          return (
            <g key={hour} transform={`translate(${8 + column * (barWidth + 8)},0)`}>
              {verdicts.map((verdict) => {
                const barHeight = (countAt(hour, verdict) / max) * height;
                y -= barHeight;
                return barHeight > 0 ? <rect key={verdict} className={`bar-${verdict}`} x={0} y={y} width={barWidth} height={barHeight} /> : null;
              })}
              <text x={barWidth / 2} y={height + 16} textAnchor="middle">
                {hour}h
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption id="hourly-caption">{t('shift.perHour')}</figcaption>
      <table className="visually-hidden">
        <thead>
          <tr>
            <th scope="col">{t('shift.hour')}</th>
            {verdicts.map((verdict) => (
              <th key={verdict} scope="col">
                {t(`verdict.words.${verdict}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hours.map((hour) => (
            <tr key={hour}>
              <th scope="row">{hour}h</th>
              {verdicts.map((verdict) => (
                <td key={verdict}>{countAt(hour, verdict)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

import { LEVEL, word } from '../words';

export interface PeriodDecisions {
  start: string;
  decisions: { byLevel: Record<string, number> };
}

const SHOWN = ['EMERGENCY', 'NON_EMERGENCY'] as const;
const dateOf = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * Emergencies beside non-emergencies, period by period: the first thing a safeguarding lead shows trustees ("total
 * reports up, emergencies down"). Plain SVG with no inline styles, and the same figures as a table.
 */
export function LevelsByPeriod({ periods, interval }: { periods: PeriodDecisions[]; interval: string }) {
  if (periods.length === 0) return null;
  const max = Math.max(1, ...periods.flatMap((p) => SHOWN.map((level) => p.decisions.byLevel[level] ?? 0)));
  const bar = 14;
  const group = SHOWN.length * bar + 14;
  const labelWidth = 120;
  const width = 600;
  const title = `Emergencies and non-emergencies decided, by ${interval === 'month' ? 'month' : 'week'}`;
  const describe = periods
    .map(
      (p) => `${dateOf(p.start)}: ${SHOWN.map((l) => `${word(LEVEL, l)} ${p.decisions.byLevel[l] ?? 0}`).join(', ')}`,
    )
    .join('; ');
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <svg
        className="app-chart"
        viewBox={`0 0 ${width} ${periods.length * group}`}
        role="img"
        aria-label={`${title}: ${describe}`}
      >
        {periods.map((p, i) => (
          <g key={p.start}>
            <text className="app-chart__label" x={0} y={i * group + bar + 4}>
              {dateOf(p.start)}
            </text>
            {SHOWN.map((level, j) => {
              const n = p.decisions.byLevel[level] ?? 0;
              const w = ((width - labelWidth - 40) * n) / max;
              const y = i * group + j * bar;
              return (
                <g key={level}>
                  <rect
                    className={j === 0 ? 'app-chart__bar' : 'app-chart__bar app-chart__bar--second'}
                    x={labelWidth}
                    y={y}
                    width={Math.max(w, 1)}
                    height={bar - 2}
                  />
                  <text className="app-chart__label" x={labelWidth + w + 6} y={y + bar - 3}>
                    {n}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption className="govuk-body-s">
        {title}: <span className="app-key app-key--first">Emergency</span>{' '}
        <span className="app-key app-key--second">Non-emergency</span>
      </figcaption>
      <table className="govuk-table govuk-!-margin-top-2">
        <caption className="govuk-visually-hidden">{title}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              {interval === 'month' ? 'Month from' : 'Week from'}
            </th>
            {SHOWN.map((level) => (
              <th scope="col" className="govuk-table__header govuk-table__header--numeric" key={level}>
                {word(LEVEL, level)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {periods.map((p) => (
            <tr className="govuk-table__row" key={p.start}>
              <th scope="row" className="govuk-table__header">
                {dateOf(p.start)}
              </th>
              {SHOWN.map((level) => (
                <td className="govuk-table__cell govuk-table__cell--numeric" key={level}>
                  {p.decisions.byLevel[level] ?? 0}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

import { word } from '../words';

/** A horizontal bar chart in plain SVG (no inline styles), with the same figures in a table beside it. */
export function BarChart({
  title,
  counts,
  words,
}: {
  title: string;
  counts: Record<string, number>;
  words: Record<string, string>;
}) {
  const rows = Object.entries(counts).map(([code, n]) => [word(words, code), n] as const);
  if (rows.length === 0) return <p className="govuk-body">{title}: nothing in this range.</p>;
  const max = Math.max(...rows.map(([, n]) => n), 1);
  const barHeight = 24;
  const labelWidth = 200;
  const width = 600;
  return (
    <figure className="govuk-!-margin-0 govuk-!-margin-bottom-6">
      <svg
        className="app-chart"
        viewBox={`0 0 ${width} ${rows.length * (barHeight + 8)}`}
        role="img"
        aria-label={`${title}: ${rows.map(([k, n]) => `${k} ${n}`).join(', ')}`}
      >
        {rows.map(([label, n], i) => {
          const y = i * (barHeight + 8);
          const w = ((width - labelWidth - 60) * n) / max;
          return (
            <g key={label}>
              <text className="app-chart__label" x={0} y={y + 17}>
                {label}
              </text>
              <rect className="app-chart__bar" x={labelWidth} y={y} width={Math.max(w, 1)} height={barHeight} />
              <text className="app-chart__label" x={labelWidth + w + 6} y={y + 17}>
                {n}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="govuk-body-s">{title}</figcaption>
    </figure>
  );
}

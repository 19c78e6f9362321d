/** A horizontal bar chart in SVG (no library): one bar per row, its value as a percentage; the numbers are in the table beside it. */
export interface Bar {
  label: string;
  /** 0..1 */
  value: number;
  detail: string;
}

const ROW = 34;
const LABEL = 150;
const WIDTH = 460;

export function barWidth(value: number, max: number, room: number): number {
  if (!(max > 0) || !(value > 0)) return 0;
  return Math.max(2, Math.round((Math.min(value, max) / max) * room));
}

export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const room = WIDTH - LABEL - 60;
  const height = Math.max(ROW, bars.length * ROW) + 8;
  const summary = bars.map((b) => `${b.label}: ${Math.round(b.value * 100)}%`).join(', ');
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${title}. ${summary || 'No data'}`}>
      <title>{title}</title>
      {bars.map((b, i) => {
        const y = i * ROW + 6;
        const w = barWidth(b.value, 1, room);
        return (
          <g key={b.label} className="bar">
            <text x={LABEL - 8} y={y + 17} textAnchor="end" className="chart-label">
              {b.label.length > 22 ? `${b.label.slice(0, 21)}…` : b.label}
            </text>
            <rect x={LABEL} y={y + 4} width={room} height={18} rx={4} className="bar-track" />
            <rect x={LABEL} y={y + 4} width={w} height={18} rx={4} className="bar-fill" />
            <text x={LABEL + w + 6} y={y + 17} className="chart-value">
              {Math.round(b.value * 100)}%
            </text>
          </g>
        );
      })}
    </svg>
  );
}

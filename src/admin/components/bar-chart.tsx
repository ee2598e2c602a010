/**
 * A small bar chart in inline SVG (no chart library in the Admin bundle).
 * Bars scale to the largest value; each bar carries a <title> tooltip.
 */
export type Bar = { label: string; value: number; title?: string }

type Props = { bars: Bar[]; height?: number; label: string; color?: string; format?: (value: number) => string }

const WIDTH = 640
const AXIS = 18
const TOP = 14

export function BarChart({ bars, height = 160, label, color = "var(--fg-interactive, #3b82f6)", format = String }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const slot = WIDTH / Math.max(1, bars.length)
  const barWidth = Math.max(2, slot * 0.7)
  const plot = height - AXIS - TOP
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" height={height} data-chart={label}>
      <line x1={0} x2={WIDTH} y1={height - AXIS} y2={height - AXIS} stroke="currentColor" strokeOpacity={0.2} />
      {bars.map((bar, i) => {
        const h = (bar.value / max) * plot
        const x = i * slot + (slot - barWidth) / 2
        const y = height - AXIS - h
        return (
          <g key={`${bar.label}-${i}`}>
            <title>{bar.title ?? `${bar.label}: ${format(bar.value)}`}</title>
            <rect x={x} y={y} width={barWidth} height={Math.max(h, bar.value > 0 ? 1 : 0)} rx={2} fill={color} />
            {bar.value > 0 && (
              <text x={x + barWidth / 2} y={y - 3} textAnchor="middle" fontSize={10} fill="currentColor">
                {format(bar.value)}
              </text>
            )}
            <text x={x + barWidth / 2} y={height - 4} textAnchor="middle" fontSize={10} fill="currentColor" fillOpacity={0.7}>
              {bar.label}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** A share from 0 to 1 as a horizontal bar. */
export function RateBar({ label, ratio, color }: { label: string; ratio: number; color: string }) {
  const clamped = Math.min(1, Math.max(0, ratio))
  return (
    <svg role="img" aria-label={label} viewBox="0 0 400 16" width="100%" height={16} data-chart={label}>
      <title>{`${label}: ${(clamped * 100).toFixed(1)}%`}</title>
      <rect x={0} y={0} width={400} height={16} rx={4} fill="currentColor" fillOpacity={0.1} />
      <rect x={0} y={0} width={400 * clamped} height={16} rx={4} fill={color} />
    </svg>
  )
}

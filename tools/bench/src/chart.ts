import type { Saved } from './saved';
import { targets } from './targets';

const ENGINES = [
  { key: 'sqlite', name: 'SQLite', shade: 0 },
  { key: 'postgres', name: 'PostgreSQL', shade: 1 },
];
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * docs/benchmarks.svg: each target's figure as a share of the target, per engine (1 = just met,
 * capped at 2), bars green when met and amber when missed, each labelled with the figure itself.
 */
export function chart(saved: Saved): string {
  const rows = targets(saved);
  const left = 230;
  const scale = 260; // pixels per 1.0 of share
  const bar = 14;
  const group = ENGINES.length * (bar + 4) + 12;
  const top = 40;
  const width = left + 2 * scale + 170;
  const height = top + rows.length * group + 30;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="14" font-weight="bold">Figures as a share of their target (1 = met; capped at 2)</text>`,
  ];
  ENGINES.forEach((e, i) => {
    const x = left + i * 120;
    parts.push(
      `<rect x="${x}" y="28" width="10" height="10" fill="${e.shade ? '#2b8a3e' : '#51cf66'}"/><text x="${x + 14}" y="37">${e.name}</text>`,
    );
  });
  rows.forEach((t, r) => {
    const y0 = top + r * group + 8;
    parts.push(`<text x="10" y="${y0 + group / 2}">${escape(t.short)}</text>`);
    ENGINES.forEach((e, i) => {
      const y = y0 + i * (bar + 4);
      const share = t.share(e.key);
      const verdict = t.verdict(e.key);
      if (share === undefined) {
        parts.push(`<text x="${left + 4}" y="${y + bar - 3}" fill="#868e96">${e.name}: not measured</text>`);
        return;
      }
      const w = Math.max(1, Math.min(2, share) * scale);
      const met = verdict.startsWith('met');
      const fill = met ? (e.shade ? '#2b8a3e' : '#51cf66') : e.shade ? '#e67700' : '#fcc419';
      parts.push(`<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${bar}" fill="${fill}"/>`);
      parts.push(`<text x="${(left + w + 6).toFixed(1)}" y="${y + bar - 3}">${escape(verdict)}</text>`);
    });
  });
  const axisY = top + rows.length * group + 8;
  parts.push(`<line x1="${left}" y1="${top}" x2="${left}" y2="${axisY}" stroke="#495057"/>`);
  parts.push(`<line x1="${left + scale}" y1="${top}" x2="${left + scale}" y2="${axisY}" stroke="#c92a2a" stroke-dasharray="4 3"/>`);
  for (const tick of [0, 0.5, 1, 1.5, 2])
    parts.push(`<text x="${left + tick * scale}" y="${axisY + 14}" text-anchor="middle">${tick === 1 ? '1 (target)' : tick}</text>`);
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

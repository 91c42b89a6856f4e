/**
 * The report's chart: an SVG written here by hand, rendered to PNG by Debian's headless Chromium
 * (playwright-core, no network, no downloaded browser). Left: answer latency against the number of
 * passages (log-log). Right: reply latency of buurtbot against a bare echo app on Slack and Discord.
 */
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export interface PassagePoint {
  passages: number;
  retrievalP50: number;
  retrievalP95: number;
  coreP50: number;
  coreP95: number;
}

export interface SurfaceBars {
  name: string;
  echoP50: number;
  echoP95: number;
  botP50: number;
  botP95: number;
}

export interface ChartData {
  passages: PassagePoint[];
  surfaces: SurfaceBars[];
  caption: string;
}

const WIDTH = 960;
const HEIGHT = 410;
const COLORS = { retrieval: '#1f77b4', core: '#d95f02', echo: '#7f7f7f', bot: '#1b9e77' };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const fmtMs = (v: number): string => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2));

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${esc(s)}</text>`;
}

function leftPanel(points: readonly PassagePoint[], x0: number, y0: number, w: number, h: number): string {
  const out: string[] = [];
  const xs = points.map((p) => p.passages);
  const ys = points.flatMap((p) => [p.retrievalP50, p.retrievalP95, p.coreP50, p.coreP95]).filter((v) => v > 0);
  if (!xs.length || !ys.length) return text(x0 + w / 2, y0 + h / 2, 'no data', 'text-anchor="middle"');
  const lx0 = Math.floor(Math.log10(Math.min(...xs)) - 0.15);
  const lx1 = Math.ceil(Math.log10(Math.max(...xs)) + 0.15);
  const ly0 = Math.floor(Math.log10(Math.min(...ys)));
  const ly1 = Math.ceil(Math.log10(Math.max(...ys)));
  const px = (v: number): number => x0 + ((Math.log10(v) - lx0) / (lx1 - lx0)) * w;
  const py = (v: number): number => y0 + h - ((Math.log10(v) - ly0) / (ly1 - ly0 || 1)) * h;
  out.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="#fff" stroke="#999"/>`);
  for (let e = ly0; e <= ly1; e++) {
    const y = py(10 ** e);
    out.push(`<line x1="${x0}" x2="${x0 + w}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    out.push(text(x0 - 6, y + 4, e >= 3 ? `${10 ** (e - 3)} s` : `${10 ** e} ms`, 'text-anchor="end" font-size="11"'));
  }
  for (const p of points) {
    const x = px(p.passages);
    out.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${y0 + h}" stroke="#f0f0f0"/>`);
    out.push(text(x, y0 + h + 16, p.passages.toLocaleString('en-US'), 'text-anchor="middle" font-size="11"'));
  }
  out.push(text(x0 + w / 2, y0 + h + 34, 'passages in the knowledge base (log scale)', 'text-anchor="middle" font-size="12"'));
  const series: Array<{ key: keyof PassagePoint; color: string; dash: string; label: string }> = [
    { key: 'coreP95', color: COLORS.core, dash: '6 4', label: 'whole core turn p95' },
    { key: 'coreP50', color: COLORS.core, dash: '', label: 'whole core turn p50' },
    { key: 'retrievalP95', color: COLORS.retrieval, dash: '6 4', label: 'retrieval alone p95' },
    { key: 'retrievalP50', color: COLORS.retrieval, dash: '', label: 'retrieval alone p50' },
  ];
  series.forEach((s, i) => {
    const pts = points.filter((p) => p[s.key] > 0).map((p) => `${px(p.passages).toFixed(1)},${py(p[s.key]).toFixed(1)}`);
    out.push(
      `<polyline points="${pts.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2.2" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''}/>`,
    );
    for (const p of points) if (p[s.key] > 0) out.push(`<circle cx="${px(p.passages)}" cy="${py(p[s.key])}" r="3" fill="${s.color}"/>`);
    const last = points[points.length - 1];
    if (last && last[s.key] > 0)
      out.push(text(px(last.passages) + 6, py(last[s.key]) + 4, fmtMs(last[s.key]), `font-size="10" fill="${s.color}"`));
    const ly = y0 + 14 + i * 15;
    out.push(
      `<line x1="${x0 + 10}" x2="${x0 + 34}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" stroke-width="2.2" ${s.dash ? `stroke-dasharray="${s.dash}"` : ''}/>`,
    );
    out.push(text(x0 + 40, ly, s.label, 'font-size="11"'));
  });
  out.push(text(x0 + w / 2, y0 - 10, 'Answer latency vs. knowledge-base size', 'text-anchor="middle" font-size="14" font-weight="bold"'));
  return out.join('\n');
}

function rightPanel(surfaces: readonly SurfaceBars[], x0: number, y0: number, w: number, h: number): string {
  const out: string[] = [];
  const max = Math.max(1, ...surfaces.flatMap((s) => [s.echoP95, s.botP95, s.echoP50, s.botP50]));
  const step = [10, 20, 50, 100, 200, 250, 500, 1000, 2000].find((s) => max / s <= 6) ?? 5000;
  // Headroom for the value labels and the legend.
  const top = Math.ceil((max * 1.15) / step) * step;
  const py = (v: number): number => y0 + h - (v / top) * h;
  out.push(`<rect x="${x0}" y="${y0}" width="${w}" height="${h}" fill="#fff" stroke="#999"/>`);
  for (let v = 0; v <= top; v += step) {
    out.push(`<line x1="${x0}" x2="${x0 + w}" y1="${py(v)}" y2="${py(v)}" stroke="#e5e5e5"/>`);
    out.push(text(x0 - 6, py(v) + 4, `${v} ms`, 'text-anchor="end" font-size="11"'));
  }
  const group = w / Math.max(1, surfaces.length);
  const bars: Array<{ key: keyof SurfaceBars; color: string; opacity: string; label: string }> = [
    { key: 'echoP50', color: COLORS.echo, opacity: '1', label: 'echo p50' },
    { key: 'echoP95', color: COLORS.echo, opacity: '0.45', label: 'echo p95' },
    { key: 'botP50', color: COLORS.bot, opacity: '1', label: 'buurtbot p50' },
    { key: 'botP95', color: COLORS.bot, opacity: '0.45', label: 'buurtbot p95' },
  ];
  const bw = Math.min(40, (group - 40) / bars.length);
  surfaces.forEach((s, gi) => {
    const gx = x0 + gi * group + (group - bw * bars.length) / 2;
    bars.forEach((b, bi) => {
      const v = Number(s[b.key]);
      const x = gx + bi * bw;
      out.push(
        `<rect x="${x + 2}" y="${py(v)}" width="${bw - 4}" height="${Math.max(0, y0 + h - py(v))}" fill="${b.color}" fill-opacity="${b.opacity}"/>`,
      );
      out.push(text(x + bw / 2, py(v) - 4, fmtMs(v), 'text-anchor="middle" font-size="10"'));
    });
    const ratio50 = s.echoP50 > 0 ? (s.botP50 / s.echoP50).toFixed(1) : 'n/a';
    const ratio95 = s.echoP95 > 0 ? (s.botP95 / s.echoP95).toFixed(1) : 'n/a';
    out.push(text(x0 + gi * group + group / 2, y0 + h + 16, s.name, 'text-anchor="middle" font-size="12" font-weight="bold"'));
    out.push(
      text(x0 + gi * group + group / 2, y0 + h + 31, `bot/echo: p50 ${ratio50}×, p95 ${ratio95}×`, 'text-anchor="middle" font-size="11"'),
    );
  });
  bars.forEach((b, i) => {
    const lx = x0 + 10 + (i % 2) * 110;
    const ly = y0 + 14 + Math.floor(i / 2) * 15;
    out.push(`<rect x="${lx}" y="${ly - 9}" width="14" height="10" fill="${b.color}" fill-opacity="${b.opacity}"/>`);
    out.push(text(lx + 19, ly, b.label, 'font-size="11"'));
  });
  out.push(text(x0 + w / 2, y0 - 10, 'Reply latency, 300 DMs, 8 at a time', 'text-anchor="middle" font-size="14" font-weight="bold"'));
  return out.join('\n');
}

export function chartSvg(data: ChartData): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fafafa"/>`,
    leftPanel(data.passages, 70, 40, 370, 280),
    rightPanel(data.surfaces, 560, 40, 370, 280),
    ...data.caption
      .split('\n')
      .reverse()
      .map((line, i) => text(WIDTH / 2, HEIGHT - 8 - i * 14, line, 'text-anchor="middle" font-size="11" fill="#555"')),
    '</svg>',
  ].join('\n');
}

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Renders the SVG to a PNG file with headless Chromium; throws when Chromium is missing. */
export async function renderPng(svg: string, file: string): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1 });
    // Nothing may leave the machine: the page is inline, every request is refused.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT } });
  } finally {
    await browser.close();
  }
}

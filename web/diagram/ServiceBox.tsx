/** The clients and the Service: selector, endpoints, and requests per version over the last 10 s. */
import { PALETTE, type FrameTraffic, type ServiceView } from '../../src/index.ts';
import type { T } from '../ui/labels.ts';
import { fitting, textWidth, type Frame } from './geometry.ts';
import './service.css';

const pct = (n: number, total: number) => (total ? Math.round((n / total) * 100) : 0);

export function ServiceBox({
  svc,
  traffic,
  frame: f,
  versionColours,
  t,
}: {
  svc: ServiceView;
  traffic: FrameTraffic;
  frame: Frame;
  versionColours: Map<string, number>;
  t: T;
}) {
  const win = traffic.window;
  const rate = (n: number) => (n / win.seconds).toFixed(1);
  const total = Object.values(win.ok).reduce((a, b) => a + b, 0);
  const source = traffic.sources.find((s) => s.service === svc.name);
  const versions = Object.entries(win.ok).sort(([a], [b]) => a.localeCompare(b));
  const colourOf = (v: string) => {
    const i = versionColours.get(v);
    return i === undefined ? 'currentColor' : PALETTE[i];
  };
  const counterText = [
    ...versions.map(([v, n]) => t('service.versionRate', { version: v, rate: rate(n), pct: pct(n, total) })),
    t('service.errors', { rate: rate(win.errors) }),
    ...(win.refused ? [t('service.refused', { rate: rate(win.refused) })] : []),
  ].join(' · ');
  const endpointsText = t('service.endpoints', { n: svc.endpoints.length });
  const selector = t('service.selector', { selector: svc.selector || t('none') });
  const port = t('service.port', { ports: svc.ports });
  const { serviceX: x, serviceY: y, serviceW: w, serviceH: h, clientsX, narrow } = f;
  // Room for a line inside the box, and whether `text` (plus `gaps` of `dx` space) fits in it.
  const room = w - 24;
  const widthOf = (text: string, gaps: number) => textWidth(text, 12.5) + gaps;
  const fits = (text: string, gaps: number) => widthOf(text, gaps) <= room;
  // Selector and port: beside the name (wide) or under it (narrow); the port goes first, then
  // the word "selector", when the line would run past the box (a long blue/green selector).
  const title = t('service.title', { name: svc.name });
  const beside = narrow ? 0 : textWidth(title, 15) * 1.1 + 10;
  const selectorLine = fitting(
    [`${selector} · ${port}`, selector, svc.selector || t('none')],
    room - beside,
    narrow ? 12 : 12.5,
  );
  // The counter: each version's rate with its share while that fits, without it otherwise (and
  // always when narrow); then a rate of 0 errors gives way when the line would run past the box
  // (two versions answering on a phone, Recreate's outage); the label keeps every rate.
  const head = narrow ? '' : `${t('service.lastSeconds')} `;
  const rates = (short: boolean) =>
    versions.length
      ? versions
          .map(([v, n]) =>
            short
              ? `● ${t('service.versionRateShort', { version: v, rate: rate(n) })}`
              : `● ${t('service.versionRate', { version: v, rate: rate(n), pct: pct(n, total) })}`,
          )
          .join(' ')
      : t('service.noAnswers');
  const errorsPart = ` · ${t('service.errors', { rate: rate(win.errors) })}`;
  const refusedPart = win.refused ? ` · ${t('service.refused', { rate: rate(win.refused) })}` : '';
  // The tspans' dx: 8 before each version after the first (and after the head), 8 and 6 before
  // the errors and the refused.
  const gaps = 8 * versions.length + 6;
  const short = narrow || !fits(head + rates(false) + errorsPart + refusedPart, gaps);
  const errorsShown = win.errors > 0 || fits(head + rates(short) + errorsPart + refusedPart, gaps);
  // Errors shown because there are some may still run past the box (two versions and errors on a
  // phone; their words are bold): the line is then pressed to the box's width, a few per cent.
  const bold = (text: string) => widthOf(text, 0) * 0.1;
  const counterW =
    widthOf(head + rates(short) + (errorsShown ? errorsPart : '') + refusedPart, gaps) +
    (win.errors > 0 ? bold(errorsPart) : 0) +
    (win.refused > 0 ? bold(refusedPart) : 0);
  const pressed = counterW > room ? { textLength: room, lengthAdjust: 'spacingAndGlyphs' as const } : {};
  // Narrow: one more line (selector and port under the name), and the counter without its head.
  const line = (n: number) => y + 17 + n * 15;
  const rate0 = source?.requestsPerSecond ?? 0;
  return (
    <g className="service">
      <g role="img" aria-label={t('clients.label', { rate: rate0 })}>
        <rect x={4} y={y + 8} width={clientsX - 4} height={h - 16} rx={8} className="clients-box" />
        <text x={(clientsX + 4) / 2} y={y + h / 2 - 3} textAnchor="middle" className="lane-title">
          {t('clients.title')}
        </text>
        <text x={(clientsX + 4) / 2} y={y + h / 2 + 13} textAnchor="middle" className="tiny">
          {t('clients.rate', { rate: rate0 })}
        </text>
      </g>
      <path d={`M${clientsX},${y + h / 2} H${x}`} className="bus" aria-hidden="true" />
      <g
        role="img"
        aria-label={`${t('service.title', { name: svc.name })}, ${selector}, ${endpointsText}. ${t('service.lastSeconds')} ${counterText}`}
      >
        <rect x={x} y={y} width={w} height={h} rx={10} className="box service-box" />
        <text x={x + 12} y={line(0)} className="title">
          {title}
          {!narrow && (
            <tspan className="meta" dx={10}>
              {selectorLine}
            </tspan>
          )}
        </text>
        {narrow && (
          <text x={x + 12} y={line(1)} className="tiny">
            {selectorLine}
          </text>
        )}
        <text x={x + 12} y={line(narrow ? 2 : 1)} className="meta">
          {endpointsText}
          {svc.notReady.length ? ` · ${t('service.notReady', { n: svc.notReady.length })}` : ''}
        </text>
        <text
          x={x + 12}
          y={line(narrow ? 3 : 2)}
          className="meta counter"
          data-testid="traffic-counter"
          {...pressed}
        >
          {!narrow && <tspan className="strong">{t('service.lastSeconds')}</tspan>}
          {versions.length === 0 && <tspan dx={narrow ? 0 : 6}>{t('service.noAnswers')}</tspan>}
          {versions.map(([v, n], i) => (
            <tspan key={v} dx={narrow && i === 0 ? 0 : 8}>
              <tspan fill={colourOf(v)} className="swatch-dot">
                ●
              </tspan>{' '}
              {short
                ? t('service.versionRateShort', { version: v, rate: rate(n) })
                : t('service.versionRate', { version: v, rate: rate(n), pct: pct(n, total) })}
            </tspan>
          ))}
          {errorsShown && (
            <tspan dx={8} className={win.errors ? 'bad-text' : undefined}>
              · {t('service.errors', { rate: rate(win.errors) })}
            </tspan>
          )}
          {win.refused > 0 && (
            <tspan dx={6} className="bad-text">
              · {t('service.refused', { rate: rate(win.refused) })}
            </tspan>
          )}
        </text>
      </g>
    </g>
  );
}

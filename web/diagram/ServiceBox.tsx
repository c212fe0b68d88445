/** The clients and the Service: selector, endpoints, and requests per version over the last 10 s. */
import { PALETTE, type FrameTraffic, type ServiceView } from '../../src/index.ts';
import type { T } from '../ui/labels.ts';
import { textWidth, type Frame } from './geometry.ts';
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
  // Narrow, a rate of 0 errors gives way to the refused one when the line would run past the box
  // (Recreate's outage: no answers, every request refused); the label keeps every rate.
  const narrowLine = () =>
    [
      versions.length
        ? versions
            .map(([v, n]) => `● ${t('service.versionRateShort', { version: v, rate: rate(n) })}`)
            .join(' ')
        : t('service.noAnswers'),
      t('service.errors', { rate: rate(win.errors) }),
      t('service.refused', { rate: rate(win.refused) }),
    ].join(' · ');
  const errorsShown = !narrow || win.errors > 0 || !win.refused || textWidth(narrowLine(), 12.5) <= w - 24;
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
          {t('service.title', { name: svc.name })}
          {!narrow && (
            <tspan className="meta" dx={10}>
              {selector} · {port}
            </tspan>
          )}
        </text>
        {narrow && (
          <text x={x + 12} y={line(1)} className="tiny">
            {selector} · {port}
          </text>
        )}
        <text x={x + 12} y={line(narrow ? 2 : 1)} className="meta">
          {endpointsText}
          {svc.notReady.length ? ` · ${t('service.notReady', { n: svc.notReady.length })}` : ''}
        </text>
        <text x={x + 12} y={line(narrow ? 3 : 2)} className="meta counter" data-testid="traffic-counter">
          {!narrow && <tspan className="strong">{t('service.lastSeconds')}</tspan>}
          {versions.length === 0 && <tspan dx={narrow ? 0 : 6}>{t('service.noAnswers')}</tspan>}
          {versions.map(([v, n], i) => (
            <tspan key={v} dx={narrow && i === 0 ? 0 : 8}>
              <tspan fill={colourOf(v)} className="swatch-dot">
                ●
              </tspan>{' '}
              {narrow
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

/** The clients and the Service: selector, endpoints, and requests per version over the last 10 s. */
import { PALETTE, trafficWindow, type ServiceView } from '../sim/view.ts';
import { session } from '../store/app.ts';
import type { T } from '../ui/labels.ts';
import { CLIENTS_X, SERVICE_H, SERVICE_W, SERVICE_X, SERVICE_Y } from './geometry.ts';
import './service.css';

export function ServiceBox({
  svc,
  versionColours,
  t,
}: {
  svc: ServiceView;
  versionColours: Map<string, number>;
  t: T;
}) {
  const c = session.live;
  const win = trafficWindow(c, c.now, 10);
  const rate = (n: number) => (n / win.seconds).toFixed(1);
  const total = Object.values(win.ok).reduce((a, b) => a + b, 0);
  const source = c.trafficSources().find((s) => s.service === svc.name);
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
  return (
    <g className="service">
      <g role="img" aria-label={t('clients.label', { rate: source?.requestsPerSecond ?? 0 })}>
        <rect
          x={8}
          y={SERVICE_Y + 12}
          width={CLIENTS_X - 8}
          height={SERVICE_H - 24}
          rx={8}
          className="clients-box"
        />
        <text x={(CLIENTS_X + 8) / 2} y={SERVICE_Y + 29} textAnchor="middle" className="lane-title">
          {t('clients.title')}
        </text>
        <text x={(CLIENTS_X + 8) / 2} y={SERVICE_Y + 45} textAnchor="middle" className="tiny">
          {t('clients.rate', { rate: source?.requestsPerSecond ?? 0 })}
        </text>
      </g>
      <path
        d={`M${CLIENTS_X},${SERVICE_Y + SERVICE_H / 2} H${SERVICE_X}`}
        className="bus"
        aria-hidden="true"
      />
      <g
        role="img"
        aria-label={`${t('service.title', { name: svc.name })}, ${t('service.selector', { selector: svc.selector || t('none') })}, ${endpointsText}. ${t('service.lastSeconds')} ${counterText}`}
      >
        <rect
          x={SERVICE_X}
          y={SERVICE_Y}
          width={SERVICE_W}
          height={SERVICE_H}
          rx={10}
          className="box service-box"
        />
        <text x={SERVICE_X + 14} y={SERVICE_Y + 21} className="title">
          {t('service.title', { name: svc.name })}
          <tspan className="meta" dx={10}>
            {t('service.selector', { selector: svc.selector || t('none') })} ·{' '}
            {t('service.port', { ports: svc.ports })}
          </tspan>
        </text>
        <text x={SERVICE_X + 14} y={SERVICE_Y + 38} className="meta">
          {endpointsText}
          {svc.notReady.length ? ` · ${t('service.notReady', { n: svc.notReady.length })}` : ''}
        </text>
        <text x={SERVICE_X + 14} y={SERVICE_Y + 55} className="meta counter" data-testid="traffic-counter">
          <tspan className="strong">{t('service.lastSeconds')}</tspan>
          {versions.length === 0 && <tspan dx={6}>{t('service.noAnswers')}</tspan>}
          {versions.map(([v, n]) => (
            <tspan key={v} dx={8}>
              <tspan fill={colourOf(v)} className="swatch-dot">
                ●
              </tspan>{' '}
              {t('service.versionRate', { version: v, rate: rate(n), pct: pct(n, total) })}
            </tspan>
          ))}
          <tspan dx={8} className={win.errors ? 'bad-text' : undefined}>
            · {t('service.errors', { rate: rate(win.errors) })}
          </tspan>
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

const pct = (n: number, total: number) => (total ? Math.round((n / total) * 100) : 0);

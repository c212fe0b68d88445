import { memo, useEffect, useRef, useState } from 'react';
import type { KubeEvent } from '../../src/k8s/types.ts';
import { controllerName, explain } from '../../src/explain/index.ts';
import { humanDuration, parseTimestamp } from '../../src/k8s/time.ts';
import { useLang, useT } from '../i18n/index.ts';
import { session } from '../store/app.ts';
import { formatTime, usePlayback, useVersion } from './hooks.ts';

/**
 * Like `kubectl get events`, newest last, at the current moment. Each event takes two lines (the
 * columns, then the message across the whole width) so the message stays readable in a narrow
 * panel; the column heads stay kubectl's.
 */
export function EventsPanel() {
  const t = useT();
  useVersion();
  const now = session.now;
  const events = session.live.eventList().slice(-60);
  const wrap = useRef<HTMLDivElement>(null);
  const last = events[events.length - 1]?.metadata.name;
  useEffect(() => {
    const el = wrap.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [last]);
  return (
    <section className="panel events" aria-labelledby="events-h">
      <h2 id="events-h">
        {t('events.title')} <span className="muted">{t('events.count', { n: events.length })}</span>
      </h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('events.table')} ref={wrap}>
        {events.length === 0 ? (
          <p className="muted">{t('events.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">LAST SEEN</th>
                <th scope="col">TYPE</th>
                <th scope="col">REASON</th>
                <th scope="col">OBJECT</th>
              </tr>
            </thead>
            {events.map((e) => (
              <EventRows
                key={e.metadata.name}
                event={e}
                age={humanDuration(now - parseTimestamp(e.lastTimestamp))}
              />
            ))}
          </table>
        )}
      </div>
    </section>
  );
}

/** One event as two table rows; re-renders only when the event or its age in words changes. */
const EventRows = memo(function EventRows({ event: e, age }: { event: KubeEvent; age: string }) {
  return (
    <tbody className={e.type === 'Warning' ? 'warning-row' : undefined}>
      <tr>
        <td>{age}</td>
        <td>{e.type}</td>
        <td>{e.reason}</td>
        <td>
          {e.involvedObject.kind.toLowerCase()}/{e.involvedObject.name}
        </td>
      </tr>
      <tr className="message">
        <td colSpan={4}>
          {e.message}
          {e.count > 1 ? ` (x${e.count})` : ''}
        </td>
      </tr>
    </tbody>
  );
});

/** The controllers' reasons for what they did most recently, with their numbers. */
export function WhyPanel() {
  const t = useT();
  const lang = useLang();
  useVersion();
  const { playing } = usePlayback();
  const now = session.now;
  const all = session.live.decisions();
  const latestT = all.length ? all[all.length - 1]!.t : undefined;
  const recent = latestT === undefined ? [] : all.filter((d) => d.t === latestT).slice(-6);
  const [announce, setAnnounce] = useState('');
  const lastCount = useRef(all.length);
  useEffect(() => {
    if (all.length > lastCount.current) {
      const d = all[all.length - 1]!;
      setAnnounce(`${controllerName(d.controller, lang)}: ${explain(d, lang)}`);
    }
    lastCount.current = all.length;
  }, [all.length, all, lang]);
  return (
    <section className="panel why" aria-labelledby="why-h">
      <h2 id="why-h">
        {t('why.title')}{' '}
        <span className="muted">
          {latestT === undefined ? '' : t('why.at', { t: formatTime(latestT) })}
          {latestT !== undefined && now - latestT > 0.05
            ? ` ${t('why.ago', { t: formatTime(now - latestT) })}`
            : ''}
        </span>
      </h2>
      <div className="why-body" tabIndex={0} role="region" aria-label={t('why.region')}>
        {recent.length === 0 ? (
          <p className="muted">{t('why.none')}</p>
        ) : (
          <ul>
            {recent.map((d, i) => (
              <li key={`${d.t}-${i}`}>
                <span className="controller">{controllerName(d.controller, lang)}</span> {explain(d, lang)}
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="sr-only" aria-live="polite" role="status">
        {playing ? '' : announce}
      </p>
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { humanDuration, parseTimestamp } from '../../src/k8s/time.ts';
import { session } from '../store/app.ts';
import { formatTime, usePlayback, useVersion } from './hooks.ts';

/** Like `kubectl get events`, newest last, at the current moment. */
export function EventsPanel() {
  useVersion();
  const now = session.now;
  const events = session.live.eventList().slice(-60);
  return (
    <section className="panel events" aria-labelledby="events-h">
      <h2 id="events-h">Events</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Events table">
        <table>
          <thead>
            <tr>
              <th>LAST SEEN</th>
              <th>TYPE</th>
              <th>REASON</th>
              <th>OBJECT</th>
              <th>MESSAGE</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.metadata.name} className={e.type === 'Warning' ? 'warning-row' : undefined}>
                <td>{humanDuration(now - parseTimestamp(e.lastTimestamp))}</td>
                <td>{e.type}</td>
                <td>{e.reason}</td>
                <td>
                  {e.involvedObject.kind.toLowerCase()}/{e.involvedObject.name}
                </td>
                <td>
                  {e.message}
                  {e.count > 1 ? ` (x${e.count})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The controllers' reasons for what they did most recently, with their numbers. */
export function WhyPanel() {
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
      setAnnounce(`${d.controller}: ${d.message}`);
    }
    lastCount.current = all.length;
  }, [all.length, all]);
  return (
    <section className="panel why" aria-labelledby="why-h">
      <h2 id="why-h">
        Why{' '}
        <span className="muted">
          {latestT === undefined ? '' : `last controller decision at ${formatTime(latestT)}`}
          {latestT !== undefined && now - latestT > 0.05 ? ` (${formatTime(now - latestT)} ago)` : ''}
        </span>
      </h2>
      {recent.length === 0 ? (
        <p className="muted">No controller has acted yet.</p>
      ) : (
        <ul>
          {recent.map((d, i) => (
            <li key={`${d.t}-${i}`}>
              <span className="controller">{d.controller.replace(/-controller$/, '')}</span> {d.message}
            </li>
          ))}
        </ul>
      )}
      <p className="sr-only" aria-live="polite" role="status">
        {playing ? '' : announce}
      </p>
    </section>
  );
}

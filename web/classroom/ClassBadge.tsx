/** In a live class, the presenting window's badge: where to join and the code, for the room to read. */
import { useT } from '../i18n/index.ts';
import { useClass } from './store.ts';
import './classroom.css';

export function ClassBadge() {
  const t = useT();
  const role = useClass((c) => c.role);
  const code = useClass((c) => c.code);
  const join = useClass((c) => c.join);
  const status = useClass((c) => c.status);
  if (role !== 'presenter' || !code) return null;
  return (
    <span className="class-badge" data-status={status} data-testid="present.class">
      {join ? t('class.joinAt', { url: join, code }) : t('class.badge', { code })}
      {status !== 'open' && ` · ${t(`class.status.${status}`)}`}
    </span>
  );
}

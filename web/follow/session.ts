/**
 * Following a namespace of a Kubernetes API in a lab: looks at the address first (`probe`), then
 * lists and watches through a GET-only transport, feeds what arrives to a followed Run with the
 * seconds since connecting, and moves its live edge four times a second. The lab shows that Run
 * instead of its own until `disconnect()` (or until a scenario is opened), which stops every
 * request. Each lab has its own session (kept by lab, not in a module-wide variable).
 */
import { loadExtensions, loadFollow, type FollowStatus } from '../../src/index.ts';
import type { Lab } from '../lab/lab.ts';
import { apiBase, fetchTransport, probe, serverError } from './connect.ts';
import { followOf, type Session } from './state.ts';

const TICK_MS = 250;

export function closeConnect(lab: Lab): void {
  const f = followOf(lab);
  // Closing while connecting gives up.
  if (f.store.getState().phase === 'connecting') stop(lab);
  f.store.setState({ dialogOpen: false, phase: f.session?.run ? 'following' : 'idle' });
}

/** Connects and, once the namespace is listed, shows it in the lab. */
export async function connect(lab: Lab, urlText: string, namespaceText: string): Promise<void> {
  const f = followOf(lab);
  const namespace = namespaceText.trim();
  f.store.setState({ url: urlText, namespace, error: '', missing: [], retrying: '' });
  const base = apiBase(urlText);
  if (!base) {
    f.store.setState({
      phase: 'error',
      error: `error: "${urlText.trim()}" is not an http:// or https:// address of a Kubernetes API (such as http://127.0.0.1:8001 from kubectl proxy)`,
    });
    return;
  }
  const follow = await loadFollow();
  if (!follow.validNamespace(namespace)) {
    f.store.setState({
      phase: 'error',
      error: `error: invalid namespace "${namespace}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    });
    return;
  }
  stop(lab);
  const session: Session = { abort: new AbortController() };
  f.session = session;
  f.store.setState({ phase: 'connecting' });
  const problem = await probe(base, namespace);
  if (f.session !== session) return;
  if (problem) {
    f.session = null;
    f.store.setState({ phase: 'error', error: problem });
    return;
  }
  // The console reads the followed cluster with every kubectl command there is.
  await loadExtensions();
  if (f.session !== session) return;
  const run = follow.createFollowRun({ namespace, freeze: import.meta.env.DEV });
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const required = new Set(follow.FOLLOWED_RESOURCES.filter((r) => !r.optional).map((r) => r.kind));
  const listed = new Set<string>();
  let shown = false;
  const fail = (message: string) => {
    if (f.session !== session) return;
    const wasShown = shown;
    stop(lab);
    f.store.setState({
      phase: 'error',
      error: message,
      dialogOpen: !wasShown || f.store.getState().dialogOpen,
    });
  };
  const status = (s: FollowStatus) => {
    if (f.session !== session) return;
    if (s.state === 'failed') return fail(serverError(s.code, s.message ?? 'the server refused the request'));
    if (s.state === 'unavailable')
      f.store.setState((st) => ({
        missing: [...st.missing.filter((m) => m.kind !== s.kind), { kind: s.kind, message: s.message ?? '' }],
      }));
    if (s.state === 'retrying') f.store.setState({ retrying: s.message ?? '' });
    if (s.state === 'watching') {
      listed.add(s.kind);
      if (f.store.getState().retrying) f.store.setState({ retrying: '' });
    }
    if (!shown && [...required].every((k) => listed.has(k))) {
      shown = true;
      run.receive(since());
      lab.follow(run, { url: base, namespace });
      f.store.setState({ phase: 'following', dialogOpen: false });
      session.timer = setInterval(() => run.receive(since()), TICK_MS);
      // Opening a scenario (a link, a file, New) ends following: stop asking the server.
      session.unsubscribe = lab.store.subscribe((st) => {
        if (!st.ui.following && f.session === session) stop(lab);
      });
    }
  };
  session.run = run;
  session.follower = follow.followNamespace(fetchTransport(base, session.abort.signal), namespace, {
    events: (events, date) => {
      if (f.session !== session) return;
      const t = since();
      run.receive(t, [{ t, events, ...(date ? { date } : {}) }]);
    },
    status,
  });
}

/** Stops every request of the lab's session; the followed Run stays shown until `disconnect`. */
function stop(lab: Lab): void {
  const f = followOf(lab);
  const s = f.session;
  if (!s) return;
  f.session = null;
  if (s.timer !== undefined) clearInterval(s.timer);
  s.unsubscribe?.();
  s.follower?.stop();
  s.abort.abort();
  f.store.setState({ phase: 'idle', retrying: '' });
}

/** Stops following and brings the lab's own run back as it was. */
export function disconnect(lab: Lab): void {
  stop(lab);
  lab.unfollow();
  followOf(lab).store.setState({ phase: 'idle', missing: [], error: '' });
}

/**
 * Requests, drawn: one canvas over the diagram and at most one draw per frame (coalesced through
 * requestAnimationFrame), not a component per dot. Each request of the simulated clients travels
 * from the clients to the Service, then along the bus to the pod that answered, in the colour of
 * its version. A refused connection (no ready endpoint) is a red dot that stops at the Service with
 * a cross; a 5xx answer arrives red and flashes a red ring at the pod.
 *
 * Positions are a pure function of virtual time (a request sent at t is a fraction of the way
 * along at now), so a paused or scrubbed diagram shows the dots of that moment. With
 * `prefers-reduced-motion` nothing travels: pods that failed a request in the last 2 s get a
 * static red ring and the Service header's counters carry the rest.
 */
import { PALETTE, type RequestRecord } from '../../src/index.ts';
import { along, clientLeg, routeTo, type DiagramLayout, type Point } from './geometry.ts';

const reducedQuery =
  typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : undefined;

/** Where the dots come from: the lab's Run and player, read on every animation frame. */
export interface TrafficSource {
  now(): number;
  speed(): number;
  requests(seconds: number): readonly RequestRecord[];
  /** Called after every change of the Run; returns the unsubscribe function. */
  listen(fn: () => void): () => void;
}

/** What the diagram last drew: the dots follow its layout and only its endpoint lines. */
export interface Drawn {
  layout: DiagramLayout | null;
  svg: SVGSVGElement | null;
  /** Pods that are ready endpoints of the Service in the frame drawn (their lines exist). */
  endpoints: ReadonlySet<string>;
}

/** One diagram's request dots on its canvas: at most one draw per animation frame. */
export class TrafficPainter {
  readonly drawn: Drawn = { layout: null, svg: null, endpoints: new Set() };
  private scheduled = 0;
  private readonly detachAll: () => void;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly source: TrafficSource,
  ) {
    const unlisten = source.listen(this.request);
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(this.request) : undefined;
    if (canvas.parentElement) ro?.observe(canvas.parentElement);
    reducedQuery?.addEventListener('change', this.request);
    this.detachAll = () => {
      unlisten();
      ro?.disconnect();
      reducedQuery?.removeEventListener('change', this.request);
    };
    this.request();
  }

  /** Asks for one redraw on the next frame (any number of calls per frame draw once). */
  readonly request = (): void => {
    if (this.scheduled || typeof requestAnimationFrame !== 'function') return;
    this.scheduled = requestAnimationFrame(() => {
      this.scheduled = 0;
      draw(this.canvas, this.drawn, this.source);
    });
  };

  detach(): void {
    this.detachAll();
    if (this.scheduled) cancelAnimationFrame(this.scheduled);
    this.scheduled = 0;
  }
}

/** Seconds of virtual time a request takes to arrive: about 0.9 s of wall time at any speed. */
const travelSeconds = (speed: number) => Math.min(6, Math.max(0.6, 0.9 * speed));
/** Share of the trip spent between the clients and the Service. */
const CLIENT_SHARE = 0.25;

function colourOf(l: DiagramLayout, pod: string | null): string {
  if (!pod) return PALETTE[0];
  const p = l.pods.get(pod);
  const i = p ? p.pod.colour : (l.lanes.get(ownerOf(pod))?.lane.colour ?? 0);
  return PALETTE[i] ?? PALETTE[0];
}

/** A ReplicaSet's pods are named `<replicaset>-<5 characters>`. */
const ownerOf = (pod: string) => pod.replace(/-[a-z0-9]{5}$/, '');

function draw(c: HTMLCanvasElement, drawn: Drawn, source: TrafficSource): void {
  const l = drawn.layout;
  const svg = drawn.svg;
  if (!l || !svg) return;
  const rect = c.getBoundingClientRect();
  const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
  const w = Math.round(rect.width * dpr);
  const h = Math.round(rect.height * dpr);
  if (c.width !== w || c.height !== h) {
    c.width = w;
    c.height = h;
  }
  const ctx = c.getContext('2d');
  const ctm = svg.getScreenCTM();
  if (!ctx || !ctm) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.setTransform(
    dpr * ctm.a,
    dpr * ctm.b,
    dpr * ctm.c,
    dpr * ctm.d,
    dpr * (ctm.e - rect.left),
    dpr * (ctm.f - rect.top),
  );

  const style = getComputedStyle(c);
  const danger = style.getPropertyValue('--danger').trim() || '#b3261e';
  const panel = style.getPropertyValue('--panel').trim() || '#fff';
  const now = source.now();
  const reduced = reducedQuery?.matches === true;
  const D = travelSeconds(source.speed());
  const flash = Math.max(0.3, 0.4 * D);
  const frame = l.frame;
  const serviceEdge: Point = { x: frame.serviceX, y: frame.serviceY + frame.serviceH / 2 };
  const CLIENT_LEG = clientLeg(frame);
  const routes = new Map<string, Point[] | null>();
  const route = (pod: string) => {
    let r = routes.get(pod);
    if (r === undefined) {
      r = routeTo(l, pod, l.pods.get(pod)?.pod.owner ?? ownerOf(pod));
      routes.set(pod, r);
    }
    return r;
  };
  let dots = 0;
  const dot = (p: Point, fill: string, stroke: string) => {
    ctx.beginPath();
    ctx.arc(p.x, p.y, 4.2, 0, Math.PI * 2);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = stroke;
    ctx.stroke();
    dots++;
  };
  const cross = (p: Point, alpha: number) => {
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = danger;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.moveTo(p.x - 6, p.y - 6);
    ctx.lineTo(p.x + 6, p.y + 6);
    ctx.moveTo(p.x + 6, p.y - 6);
    ctx.lineTo(p.x - 6, p.y + 6);
    ctx.stroke();
    ctx.globalAlpha = 1;
  };
  const ring = (p: Point, radius: number, alpha: number) => {
    ctx.globalAlpha = alpha;
    ctx.strokeStyle = danger;
    ctx.lineWidth = 3;
    ctx.beginPath();
    ctx.arc(p.x, p.y, radius, 0, Math.PI * 2);
    ctx.stroke();
    ctx.globalAlpha = 1;
  };
  const podCentre = (pod: string | null): Point | undefined => {
    if (!pod) return undefined;
    const p = l.pods.get(pod);
    if (p) return { x: p.x, y: p.y };
    return l.lanes.get(ownerOf(pod))?.target;
  };

  if (reduced) {
    // No motion: mark where requests failed in the last 2 s, once per place.
    const marked = new Set<string>();
    for (const r of source.requests(2)) {
      if (r.status === 0 && !marked.has('')) {
        marked.add('');
        cross({ x: serviceEdge.x - 10, y: serviceEdge.y }, 1);
      } else if (r.status >= 500 && r.pod && !marked.has(r.pod)) {
        marked.add(r.pod);
        const p = podCentre(r.pod);
        if (p) ring(p, (l.pods.get(r.pod)?.size.r ?? 10) + 5, 1);
      }
    }
    c.dataset['dots'] = '0';
    return;
  }

  for (const r of source.requests(D + flash)) {
    const age = now - r.t;
    const f = age / D;
    if (r.status === 0) {
      const stop = CLIENT_SHARE * 1.4;
      if (f < stop) dot(along(CLIENT_LEG, f / stop), danger, panel);
      else if (f < stop + 0.5) cross({ x: serviceEdge.x - 10, y: serviceEdge.y }, 1 - (f - stop) / 0.5);
      continue;
    }
    const failed = r.status >= 500;
    // A dot travels only along an endpoint line there is in the frame drawn: after a switch or a
    // Recreate, requests still on their way to pods that left the Service are not drawn.
    if (!r.pod || !drawn.endpoints.has(r.pod)) continue;
    const colour = colourOf(l, r.pod);
    if (f < CLIENT_SHARE) {
      dot(along(CLIENT_LEG, f / CLIENT_SHARE), failed ? danger : colour, failed ? colour : panel);
      continue;
    }
    const path = route(r.pod);
    if (!path) continue;
    if (f <= 1)
      dot(
        along(path, (f - CLIENT_SHARE) / (1 - CLIENT_SHARE)),
        failed ? danger : colour,
        failed ? colour : panel,
      );
    else if (failed) {
      const k = (age - D) / flash;
      const centre = podCentre(r.pod);
      const radius = r.pod ? (l.pods.get(r.pod)?.size.r ?? 10) : 10;
      if (centre && k < 1) ring(centre, radius + 3 + k * 8, 1 - k);
    }
  }
  c.dataset['dots'] = String(dots);
}

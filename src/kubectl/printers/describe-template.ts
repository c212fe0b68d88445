/**
 * kubectl's describe building blocks (k8s.io/kubectl/pkg/describe): a prefix writer whose text is
 * tab-separated, and DescribePodTemplate, shared by `rollout history --revision`, `rollout undo
 * --dry-run` (raw tabs) and `describe` (run through the tabwriter).
 */
import type { Container, PodSpec, PodTemplateSpec, Probe } from '../../k8s/types.ts';

export class PrefixWriter {
  private parts: string[] = [];
  /** Level 0, 1, 2, 3 indent by two spaces each, like describe.LEVEL_0… */
  write(level: number, text: string): void {
    this.parts.push('  '.repeat(level) + text);
  }
  writeLine(...cells: string[]): void {
    this.parts.push(cells.join('\t') + '\n');
  }
  toString(): string {
    return this.parts.join('');
  }
}

const sortedEntries = (m: Record<string, string> | undefined) =>
  Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * printLabelsMultiline: `Title:\tk=v`, then `\tk2=v2` for each further label. The continuation is a
 * bare tab even under an indented title (`  Labels:` of a pod template), as kubectl writes it.
 */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const entries = sortedEntries(labels);
  if (entries.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  entries.forEach(([k, v], i) => {
    if (i > 0) w.write(0, '\t');
    w.write(0, `${k}=${v}\n`);
  });
}

/** describe.go's maxAnnotationLen: longer annotations print on their own lines, shortened. */
const MAX_ANNOTATION_LEN = 140;

/** The length of `s` in UTF-8 bytes (Go's len of a string). */
export function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** shorten: the first `max` bytes and `...` when longer (a character cut in two is left out). */
function shorten(s: string, max: number): string {
  if (byteLength(s) <= max) return s;
  let out = '';
  let n = 0;
  for (const ch of s) {
    const len = byteLength(ch);
    if (n + len > max) break;
    out += ch;
    n += len;
  }
  return `${out}...`;
}

/**
 * printAnnotationsMultiline: `Title:\tk: v`, then `\tk2: v2`. A value with a newline, or whose key
 * and value are longer than 140 bytes, prints as `k:` followed by each of its lines as `\t  line`,
 * every line shortened to 138 bytes and `...`. last-applied-configuration is skipped.
 */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const entries = sortedEntries(annotations).filter(
    ([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration',
  );
  if (entries.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  entries.forEach(([k, v], i) => {
    if (i > 0) w.write(0, '\t');
    const value = v.endsWith('\n') ? v.slice(0, -1) : v;
    if (byteLength(value) + byteLength(k) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const line of value.split('\n')) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(0, `${k}: ${value}\n`);
  });
}

/**
 * printPodTolerationsMultiline: `key[=value][:effect][ op=Exists][ for Ns]`, one toleration a
 * line, sorted by key (`node.kubernetes.io/not-ready:NoExecute op=Exists for 300s`).
 */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: PodSpec['tolerations'],
): void {
  w.write(0, `${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i > 0) w.write(0, '\t');
    let text = t.key ?? '';
    if (t.value) text += `=${t.value}`;
    if (t.effect) text += `:${t.effect}`;
    // `operator: Exists` with no key and no effect tolerates everything.
    if (t.operator === 'Exists' && !t.value) text += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      text += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${text}\n`);
  });
}

function portsString(c: Container): string {
  return (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
}

function hostPortsString(c: Container): string {
  return (c.ports ?? [])
    .map((p) => `${(p as { hostPort?: number }).hostPort ?? 0}/${p.protocol ?? 'TCP'}`)
    .join(', ');
}

/** describeContainerProbe's one-line form: `http-get http://:8080/ delay=0s timeout=1s period=1s #success=1 #failure=3`. */
export function probeString(p: Probe): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${p.exec.command.join(' ')}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://:${p.httpGet.port}${p.httpGet.path ?? ''} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket :${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

/** describeContainers for a template (no statuses). `space` is the section indent. */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: Container[],
  space: string,
): void {
  w.write(0, `${space}${label}:\n`);
  for (const c of containers) {
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    w.write(2, `Image:\t${c.image}\n`);
    const ports = portsString(c);
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    const hostPorts = hostPortsString(c);
    w.write(
      2,
      hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`,
    );
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const part of c.command) w.write(3, `${part}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const part of c.args) w.write(3, `${part}\n`);
    }
    describeResources(w, c);
    if (c.livenessProbe) w.write(2, `Liveness:\t${probeString(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${probeString(c.readinessProbe)}\n`);
    if (c.env?.length) {
      w.write(2, 'Environment:\n');
      for (const e of c.env) w.write(3, `${e.name}:\t${e.value ?? ''}\n`);
    } else w.write(2, 'Environment:\t<none>\n');
    w.write(2, 'Mounts:\t<none>\n');
  }
}

function describeResources(w: PrefixWriter, c: Container): void {
  const r = c.resources;
  if (!r) return;
  for (const [title, m] of [
    ['Limits', r.limits],
    ['Requests', r.requests],
  ] as const) {
    const entries = sortedEntries(m);
    if (entries.length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const [k, v] of entries) w.write(3, `${k}:\t${v}\n`);
  }
}

/** DescribePodTemplate, tab-separated (callers decide whether to run it through the tabwriter). */
export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(0, 'Pod Template:\n');
  if (!template) {
    w.write(1, '<unset>');
    return;
  }
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (template.metadata?.annotations && Object.keys(template.metadata.annotations).length)
    printAnnotationsMultiline(w, '  Annotations', template.metadata.annotations);
  describeContainers(w, 'Containers', template.spec.containers, '  ');
  w.write(0, '  Volumes:\t<none>\n');
  printLabelsMultiline(w, '  Node-Selectors', template.spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', template.spec.tolerations);
}

export function podTemplateText(template: PodTemplateSpec | undefined): string {
  const w = new PrefixWriter();
  describePodTemplate(template, w);
  return w.toString();
}

/**
 * `-o go-template`, `-o template`, `-o go-template-file` and `--template` beside the real kubectl
 * against the served simulator: the Kubernetes Basics tutorial's lines (pod names one a line, a
 * Service's node port), range, if, with, variables, printf, len and index over pods, Deployments,
 * ReplicaSets, Services and events, templates read from a file, `--allow-missing-template-keys`,
 * and the parse and execution errors, with the output written before a failure and the object
 * kubectl prints to debug by. Single-quoted `'{{"\n"}}'` reaches both sides as the shell passes
 * it. Skipped, saying why, without a kubectl binary.
 */
import { describe, expect, it } from 'vitest';
import type { KubectlResult } from '../kubectl/command.ts';
import { comparisonKubectl, deploymentManifest } from './paired.ts';
import { usePairedClusters } from './paired-suite.ts';

const kubectl = comparisonKubectl();

const svc = `apiVersion: v1
kind: Service
metadata: {name: kubia, labels: {app: kubia}}
spec:
  type: NodePort
  selector: {app: kubia}
  ports: [{port: 80, targetPort: 8080, nodePort: 30123}]
`;

const FILES = {
  'name.tmpl': '{{.kind}}/{{.metadata.name}} generation {{.metadata.generation}}\n',
  'names.tmpl': '{{range .items}}{{.metadata.name}} {{.status.phase}}\n{{end}}',
  'bad.tmpl': '{{range .items}}{{.metadata.name}',
  'report.tmpl': `{{- /* a report, one line a container */ -}}
{{range $i, $p := .items -}}
{{$i}}: {{$p.metadata.name}}
{{- range $p.spec.containers}} {{.name}}={{.image}}{{end}}
{{end -}}
`,
};

/** Command lines (with stdin after a tab), and virtual seconds to move on between them. */
const STEPS: (string | number)[] = [
  `apply -f -\t${deploymentManifest('kubia', { spec: 'replicas: 3' })}`,
  `apply -f -\t${svc}`,
  `apply -f -\t${deploymentManifest('web', { metadata: '  labels: {tier: front, app: web}\n' })}`,
  30,
  // The Kubernetes Basics tutorial.
  `get pods -o go-template --template '{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`,
  `get services/kubia -o go-template='{{(index .spec.ports 0).nodePort}}'`,
  // The flags' forms.
  `get deployment kubia -o template --template={{.spec.replicas}}`,
  `get deployment kubia --template={{.metadata.name}}`,
  `get deployment kubia -o template='{{.status.readyReplicas}}/{{.spec.replicas}}'`,
  `get deployment kubia -o go-template`,
  `get deployment kubia -o go-template=`,
  `get deployment kubia -o go-template='{{.kind}}' --template='{{.metadata.name}}'`,
  // Lists: range, if, with, variables.
  `get pods -o go-template='{{range .items}}{{if eq .metadata.labels.app "web"}}{{.metadata.name}}{{"\\n"}}{{end}}{{end}}'`,
  `get pods -o go-template='{{range $i, $p := .items}}{{$i}} {{$p.metadata.name}} {{$p.status.phase}}{{"\\n"}}{{end}}'`,
  `get deployments -o go-template='{{range .items}}{{.metadata.name}}: {{.status.readyReplicas}} of {{.spec.replicas}} ready{{"\\n"}}{{end}}'`,
  `get deployments -o go-template='{{.kind}} {{.apiVersion}} {{.metadata}} {{len .items}}'`,
  `get replicasets -o go-template='{{range .items}}{{index .metadata.labels "pod-template-hash"}} {{index .metadata.annotations "deployment.kubernetes.io/revision"}}{{"\\n"}}{{end}}'`,
  `get deployment web -o go-template='{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}'`,
  `get deployment web -o go-template='{{with .spec.strategy.rollingUpdate}}{{.maxSurge}} {{.maxUnavailable}}{{else}}none{{end}}'`,
  `get deployment web -o go-template='{{with .spec.nothing}}x{{else with .spec.strategy}}{{.type}}{{end}}'`,
  `get deployment kubia -o go-template='{{if gt .spec.replicas 2}}many{{else if gt .spec.replicas 1}}some{{else}}one{{end}}'`,
  `get deployment kubia -o go-template='{{$c := index .spec.template.spec.containers 0}}{{$c.name}} runs {{$c.image}}'`,
  `get deployment kubia -o go-template='{{range .status.conditions}}{{.type}}={{.status}} {{end}}'`,
  `get deployment kubia -o go-template='{{range .status.conditions}}{{if eq .type "Progressing"}}{{break}}{{end}}{{.type}}{{end}}'`,
  `get pods -o go-template='{{range .items}}{{range .status.containerStatuses}}{{.name}} ready={{.ready}} restarts={{.restartCount}}{{"\\n"}}{{end}}{{end}}'`,
  `get pods -l app=kubia -o go-template='{{len .items}} pods, first {{(index .items 0).spec.nodeName}}'`,
  `get service kubia -o go-template='{{range .spec.ports}}{{.port}}->{{.targetPort}}/{{.protocol}} node {{.nodePort}}{{end}}'`,
  `get services -o go-template='{{range .items}}{{.metadata.name}} {{.spec.type}} {{.spec.clusterIP}}{{"\\n"}}{{end}}'`,
  `get events -o go-template='{{range .items}}{{.involvedObject.kind}} {{.reason}}{{"\\n"}}{{end}}'`,
  `get events --field-selector involvedObject.kind=Deployment -o go-template='{{range .items}}{{.message}}{{"\\n"}}{{end}}'`,
  // Functions and printing.
  `get pods -o go-template='{{range .items}}{{printf "%-28s %-8s %3d" .metadata.name .status.phase (len .spec.containers)}}{{"\\n"}}{{end}}'`,
  `get deployment kubia -o go-template='{{printf "%v|%q|%T|%5.1f|%x" .spec.replicas .metadata.name .spec.replicas 2.25 .metadata.name}}'`,
  `get deployment kubia -o go-template='{{.spec.selector}} {{.spec.template.spec.containers}} {{.spec.template.metadata.creationTimestamp}}'`,
  `get deployment kubia -o go-template='{{print .metadata.name 1 2 "x"}} {{println "a" 3}}{{html "<b>&"}} {{js "it'"'"'s"}} {{urlquery "a b/c"}}'`,
  `get deployment kubia -o go-template='{{and .spec.replicas .metadata.name}} {{or .nothing "fallback"}} {{not .spec.paused}} {{ne .kind "Deployment"}} {{le 1 .spec.replicas}}'`,
  `get deployment kubia -o go-template='{{slice .metadata.name 1 3}} {{index .metadata.name 0}} {{len .spec.template.metadata.labels}} {{exists .spec.template.metadata "labels" "app"}} {{exists .metadata "labels"}}'`,
  `get deployment kubia -o go-template='{{define "c"}}[{{.name}}]{{end}}{{range .spec.template.spec.containers}}{{template "c" .}}{{end}}'`,
  `get deployment kubia -o go-template='{{- /* trimmed */ -}}   {{- .metadata.name -}}   !'`,
  `get deployment kubia -o go-template='{{.metadata.nothing}}|{{.metadata.nothing.deeper}}'`,
  // Templates from files.
  'get pods -o go-template-file=names.tmpl',
  'get pods -o templatefile --template=report.tmpl',
  'get pods -o go-template-file=missing.tmpl',
  'get pods -o go-template-file=bad.tmpl',
  'scale deployment kubia --replicas=3 -o go-template-file=name.tmpl',
  'label deployment kubia tier=web -o templatefile=name.tmpl',
  'rollout pause deployment/kubia -o go-template-file=name.tmpl',
  'rollout resume deployment/kubia --template=name.tmpl',
  // Missing keys as errors.
  `get deployment kubia -o go-template='{{.metadata.name}}' --allow-missing-template-keys=false`,
  `get deployment kubia -o go-template='{{.metadata.name}} {{.spec.nothing}}' --allow-missing-template-keys=false`,
  // Parse errors.
  `get pods -o go-template='{{range .items}}{{.metadata.name}}'`,
  `get pods -o go-template='{{.metadata.name'`,
  `get pods -o go-template='{{upper .kind}}'`,
  `get pods -o go-template='{{$x}}'`,
  `get pods -o go-template='{{.kind | 3}}'`,
  // Execution errors: what was written, then kubectl's debugging text, then the error.
  `get deployment kubia -o go-template='{{.metadata.name}} {{.spec.template.metadata.creationTimestamp.seconds}}'`,
  `get pods -o go-template='{{range .items}}{{.metadata.name}} {{.metadata.name.first}}{{end}}'`,
  `get deployment kubia -o go-template='{{index .spec.template.spec.containers 1}}'`,
  `get deployment kubia -o go-template='{{len .spec.replicas}}'`,
  `get deployment kubia -o go-template='{{eq .spec.replicas "3"}}'`,
  `get deployment kubia -o go-template='{{lt .spec.replicas 2.5}}'`,
  `get deployment kubia -o go-template='{{range .metadata.name}}x{{end}}'`,
  // Other commands print with the same printers.
  `scale deployment web --replicas=2 -o go-template='{{.metadata.name}} wants {{.spec.replicas}}'`,
  `create deployment tmp --image=nginx --dry-run=client -o go-template='{{.kind}}/{{.metadata.name}} {{(index .spec.template.spec.containers 0).image}}'`,
  `set image deployment/web c=nginx:1.27 -o go-template='{{(index .spec.template.spec.containers 0).image}}'`,
  `apply -f - -o go-template='{{.metadata.name}} {{.spec.replicas}}'\t${deploymentManifest('kubia', { spec: 'replicas: 3' })}`,
  `patch deployment kubia -p '{"spec":{"minReadySeconds":1}}' -o go-template='{{.spec.minReadySeconds}}'`,
  `label deployment kubia tier=back -o go-template='{{.metadata.labels}}'`,
  `rollout restart deployment/web -o go-template='{{index .spec.template.metadata.annotations "kubectl.kubernetes.io/restartedAt" | len}}'`,
  30,
  `wait --for=condition=Available deployment/kubia -o go-template='{{.metadata.name}} {{range .status.conditions}}{{.type}} {{end}}'`,
  `events --for deployment/kubia -o go-template='{{.kind}} {{range .items}}{{.reason}} {{end}}'`,
];

const exact = (a: KubectlResult, b: KubectlResult) =>
  a.stdout === b.stdout && a.stderr === b.stderr && a.exitCode === b.exitCode;

describe.skipIf(!kubectl)(`-o go-template beside the real ${kubectl?.name ?? 'kubectl'}`, () => {
  const pair = usePairedClusters(kubectl?.path, [], 0, { files: FILES });

  it('prints what the real kubectl prints, byte for byte', async () => {
    const runs: string[] = [];
    const differences = await pair().differences(STEPS, '', {
      same: exact,
      seen: (run) => runs.push(run.real.stdout),
    });
    expect(differences).toEqual([]);
    // The tutorial's lines print pod names one a line, and the node port.
    expect(runs[3]).toMatch(/^(kubia-[a-z0-9]+-[a-z0-9]{5}\n){3}web-[a-z0-9]+-[a-z0-9]{5}\n$/);
    expect(runs[4]).toBe('30123');
  }, 120_000);
});

/**
 * kubectl's commands that Rollout Lab does not simulate. Each is known by name, listed in
 * `kubectl --help` where kubectl lists it, and answers in one line why it does nothing here,
 * instead of kubectl's "unknown command", which reads as if kubectl lacked it.
 */
import type { Command } from '../command.ts';
import { KubectlError } from '../command.ts';
import { ANY_FLAG } from '../parse.ts';

/** [name, kubectl's one-line description, why it is not simulated]. */
const UNSIMULATED: [string, string, string][] = [
  [
    'run',
    'Run a particular image on the cluster',
    'create pods through a Deployment (kubectl create deployment, or kubectl apply)',
  ],
  [
    'autoscale',
    'Auto-scale a deployment, replica set, stateful set, or replication controller',
    'there is no metrics server to scale on; use kubectl scale',
  ],
  ['certificate', 'Modify certificate resources', 'the simulated cluster signs no certificates'],
  [
    'cluster-info',
    'Display cluster information',
    'the control plane runs inside this page and has no address',
  ],
  [
    'top',
    'Display resource (CPU/memory) usage',
    'there is no metrics server: the simulated containers use no CPU or memory',
  ],
  ['taint', 'Update the taints on one or more nodes', 'the simulated nodes have no taints'],
  ['attach', 'Attach to a running container', 'the simulated containers have no terminal to attach to'],
  [
    'exec',
    'Execute a command in a container',
    'the simulated containers run no processes to execute commands in',
  ],
  [
    'port-forward',
    'Forward one or more local ports to a pod',
    'there is no network between this page and the simulated pods',
  ],
  [
    'proxy',
    'Run a proxy to the Kubernetes API server',
    'there is no network between this page and the simulated API server',
  ],
  [
    'cp',
    'Copy files and directories to and from containers',
    'the simulated containers have no file systems',
  ],
  ['auth', 'Inspect authorization', 'the simulated cluster has no users and no RBAC'],
  [
    'debug',
    'Create debugging sessions for troubleshooting workloads and nodes',
    'the simulated containers cannot be debugged; use kubectl describe and kubectl logs',
  ],
  ['replace', 'Replace a resource by file name or stdin', 'use kubectl apply'],
  [
    'kustomize',
    'Build a kustomization target from a directory or URL',
    'there are no kustomization directories here',
  ],
  [
    'completion',
    'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)',
    'the console completes commands with Tab itself',
  ],
  [
    'config',
    'Modify kubeconfig files',
    'this kubectl talks to the simulated cluster only and has no kubeconfig',
  ],
  ['plugin', 'Provides utilities for interacting with plugins', 'there are no kubectl plugins here'],
];

export const unsimulatedCommands: Command[] = UNSIMULATED.map(([name, short, why]) => ({
  name,
  short,
  long: `${short}.\n\n Rollout Lab does not simulate kubectl ${name}: ${why}.`,
  usage: `kubectl ${name} [options]`,
  flags: [ANY_FLAG],
  run: () => {
    throw new KubectlError(`kubectl ${name} is not simulated in Rollout Lab: ${why}`);
  },
}));

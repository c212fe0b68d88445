/**
 * Faults a teacher injects, each a kubectl command shown before it runs: per node cordon or
 * uncordon, drain (evictions through the Eviction API, honouring PodDisruptionBudgets) and stopping
 * or starting its kubelet (`kubectl lab node-down`, the simulator's own command: on a real cluster
 * a node goes away by itself); and a PodDisruptionBudget for the Deployment so a drain moves its
 * pods one at a time. Killing a container or breaking an app is on the pod's details.
 */
import { useState } from 'react';
import { actions, type CommandLine, type KubectlResult } from '../../src/index.ts';
import { useT } from '../i18n/index.ts';
import { useLab } from '../lab/context.ts';
import { useFrame, useUiField } from './hooks.ts';
import './faults.css';

const show = (lines: CommandLine[]) => lines.map((l) => `$ ${l.run}`).join('\n');

export function Faults() {
  const t = useT();
  const lab = useLab();
  const frame = useFrame('text');
  const [error, setError] = useState('');
  const following = useUiField('following');
  const { nodes, deployments } = frame.objects;
  if (nodes.length === 0) return null;
  const main = deployments.find((d) => d.metadata.name === 'kubia') ?? deployments[0];
  const report = (r: KubectlResult | undefined) => setError(r && r.exitCode !== 0 ? r.stderr : '');
  const run = (lines: CommandLine[]) => void lab.runLinesWhenReady(lines).then(report);
  const preview = (lines: CommandLine[]) => () => lab.setPreview(show(lines));
  const button = (key: string, label: string, lines: CommandLine[], className?: string) => (
    <button
      key={key}
      type="button"
      className={className}
      title={show(lines)}
      aria-describedby="command-preview"
      onMouseEnter={preview(lines)}
      onFocus={preview(lines)}
      onClick={() => run(lines)}
    >
      {label}
    </button>
  );
  return (
    <section className="panel faults" aria-labelledby="faults-h">
      <h2 id="faults-h">{t('faults.title')}</h2>
      <p className="hint">{t('faults.hint')}</p>
      {/* Following a cluster, nothing here writes to it (web/follow). */}
      <fieldset
        className="follow-lock"
        disabled={!!following}
        title={following ? t('follow.readOnlyShort') : undefined}
      >
        <table className="fault-nodes">
          <tbody>
            {nodes.map((n) => {
              const name = n.metadata.name;
              const cordoned = n.spec.unschedulable === true;
              const ready = n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True');
              const unknown = n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'Unknown');
              const down = frame.view.nodes.find((v) => v.name === name)?.ready === false || unknown;
              return (
                <tr key={name} data-testid={`fault-node-${name}`}>
                  <th scope="row">
                    {name}
                    <span className="muted">
                      {' '}
                      {ready ? 'Ready' : 'NotReady'}
                      {cordoned ? ',SchedulingDisabled' : ''}
                    </span>
                  </th>
                  <td className="button-row">
                    {button(
                      'cordon',
                      cordoned ? t('faults.uncordon') : t('faults.cordon'),
                      actions.cordon(name, !cordoned),
                    )}
                    {button('drain', t('faults.drain'), actions.drain(name), 'primary')}
                    {button(
                      'kubelet',
                      down ? t('faults.nodeUp') : t('faults.nodeDown'),
                      actions.nodeDown(name, !down),
                      'danger',
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {main && (
          <div className="button-row">
            <button
              type="button"
              title={show(actions.createPdb(main))}
              aria-describedby="command-preview"
              onMouseEnter={preview(actions.createPdb(main))}
              onFocus={preview(actions.createPdb(main))}
              onClick={() => void lab.runConsole(actions.createPdb(main)[0]!.run)}
            >
              {t('faults.pdb', { min: Math.max(1, (main.spec.replicas ?? 1) - 1) })}
            </button>
          </div>
        )}
      </fieldset>
      {error && (
        <pre className="error" role="alert">
          {error}
        </pre>
      )}
    </section>
  );
}

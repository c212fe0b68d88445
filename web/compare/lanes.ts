/**
 * How a lane is told apart without colour (versions own the colours): a number badge and a line
 * pattern, the same in the lane's header, the table's column and the timeline.
 */
import type { Localized, Scenario } from '../../src/index.ts';
import type { Lang } from '../i18n/index.ts';

export const laneKey = (i: number): string => String(i + 1);

/** Dash patterns of the lanes' lines in the timeline (solid, dashed, dotted, dash-dot). */
export const LANE_DASH = ['', '7 4', '2 3', '9 3 2 3'] as const;

export const laneDash = (i: number): string => LANE_DASH[i % LANE_DASH.length]!;

export function laneTitle(l: { name: string; title?: Localized }, lang: Lang): string {
  return l.title?.[lang] ?? l.title?.en ?? l.name;
}

/** A document of a manifest or of a step's input that is a Deployment: its name. */
function deploymentName(doc: string): string | undefined {
  if (!/^kind:[ \t]*["']?Deployment["']?[ \t]*$/m.test(doc)) return undefined;
  return /^metadata:[ \t]*\n(?:[ \t]+.*\n)*?[ \t]+name:[ \t]*["']?([^"'\s]+)/m.exec(doc)?.[1] ?? '';
}

/**
 * How many Deployments a lane's scenario makes: those of its manifests and those its steps send
 * (`kubectl apply -f -` with a Deployment as input, `kubectl create deployment NAME`), each name
 * once (broken v3 applies kubia again). A blue/green lane makes two.
 */
export function deploymentsMade(s: Scenario): number {
  const names = new Set<string>();
  const add = (text: string | undefined) => {
    for (const doc of (text ?? '').split(/^---[ \t]*$/m)) {
      const name = deploymentName(`${doc}\n`);
      if (name !== undefined) names.add(name);
    }
  };
  add(s.spec.manifests);
  for (const step of s.spec.steps) {
    const created = /^kubectl\s+create\s+deployment\s+([^\s-][^\s]*)/.exec(step.run);
    if (created) names.add(created[1]!);
    else if (/^kubectl\s+(apply|create)\s/.test(step.run)) add(step.stdin);
  }
  return names.size;
}

/**
 * The lanes' shares of the row, side by side: a lane that draws two Deployments one above the
 * other needs the room to lay each out wide (words beside the pods, not above them), or it is drawn
 * at two thirds of the others' size; 1.6 of a share gives it that room at 1280 px, and costs the
 * others nothing there (their drawings are as large in the narrower lanes).
 */
export function laneColumns(scenarios: readonly Scenario[]): string {
  return scenarios.map((s) => `minmax(0, ${deploymentsMade(s) > 1 ? 1.6 : 1}fr)`).join(' ');
}

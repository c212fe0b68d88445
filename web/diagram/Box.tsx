/**
 * A box of the diagram that is not a Deployment's (the ReplicaSets and the pods of none): its
 * title, a line that says what its contents do (shortened where it does not fit, in full in its
 * tooltip and accessible name), and what it holds.
 */
import type { ReactNode } from 'react';
import { fitting, type Frame } from './geometry.ts';

export function Box({
  y,
  h,
  title,
  hint,
  hintShort,
  className,
  frame: f,
  children,
}: {
  y: number;
  h: number;
  title: string;
  hint: string;
  hintShort: string;
  className: string;
  frame: Frame;
  children: ReactNode;
}) {
  const fitted = fitting([hint, hintShort], f.blockR - 30, 12);
  return (
    <g className={`deployment ${className}`} role="group" aria-label={`${title}: ${hint}`}>
      <rect x={6} y={y} width={f.blockR - 6} height={h} rx={12} className="box deployment-box" />
      <text x={20} y={y + 18} className="title">
        {title}
      </text>
      <text x={20} y={y + 34} className="tiny">
        {fitted !== hint && <title>{hint}</title>}
        {fitted}
      </text>
      {children}
    </g>
  );
}

import type { ReactNode } from 'react';
import { LabContext } from './context.ts';
import type { Lab } from './lab.ts';

/** Views inside draw and act on `lab` (see context.ts). */
export function LabProvider({ lab, children }: { lab: Lab; children: ReactNode }) {
  return <LabContext.Provider value={lab}>{children}</LabContext.Provider>;
}

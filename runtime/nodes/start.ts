import type { Executor } from '../executor.ts';
import { output } from '../executor.ts';

export const start: Executor<'start'> = { enter: () => output('next') };

import { lazyModule } from '../ui/lazy-module.ts';

export type SchemaCode = typeof import('./schema-code.ts');

export const schemaCode = lazyModule<SchemaCode>(() => import('./schema-code.ts'));

/**
 * Runs `use` with the schema code: at once when it is in (always once the panels show, as
 * usePanels waits for both), else when it arrives. A failed load is shown, with a retry, by the
 * panels' banner, so it is not reported twice here.
 */
export function withSchemaCode(use: (code: SchemaCode) => void): void {
  const code = schemaCode.loaded();
  if (code) use(code);
  else schemaCode.load().then(use, () => undefined);
}

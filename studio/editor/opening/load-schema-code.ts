import { lazyModule } from '../../ui/lazy-module.ts';

export type SchemaCode = typeof import('./schema-code.ts');

export const schemaCode = lazyModule<SchemaCode>(() => import('./schema-code.ts'));

/**
 * The schema code once it is in; null when it could not be loaded. That failure is shown, with
 * a retry, by the panels' banner (usePanels waits for both), so it is not reported twice here.
 */
export function whenSchemaCode(): Promise<SchemaCode | null> {
  return schemaCode.load().catch(() => null);
}

/**
 * Runs `use` with the schema code: at once when it is in (always once the panels show), else
 * when it arrives; not at all when it cannot be loaded (see `whenSchemaCode`).
 */
export function withSchemaCode(use: (code: SchemaCode) => void): void {
  const code = schemaCode.loaded();
  if (code) use(code);
  else void whenSchemaCode().then((loaded) => loaded && use(loaded));
}

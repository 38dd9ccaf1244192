import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One template per test run: the run's parent process id keeps parallel runs apart. */
const runId = process.env.FLUXO_TEST_RUN ?? (process.env.FLUXO_TEST_RUN = `${process.pid}`);

export const templateTarball = () => join(tmpdir(), `fluxo-test-${runId}`, 'template.tar');
export const templateDatabaseName = () => `fluxo_tmpl_${runId}`;

import { ensureTemporalCli } from './temporal-cli';

try {
  ensureTemporalCli();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

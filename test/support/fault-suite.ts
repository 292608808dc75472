import { CaseDb } from './fault-cases';
import { FaultStack } from './fault-stack';

export interface FaultSuite {
  faults: FaultStack;
  db: CaseDb;
  /** Called at the end of a test that passed; the data folder is kept for a look unless every test did. */
  pass(): void;
}

/** One stack of its own for a fault spec, and the database as its owner; stopped after the last test. */
export function useFaultStack(env: NodeJS.ProcessEnv = {}): FaultSuite {
  let ran = 0;
  let passed = 0;
  const suite = { pass: () => void passed++ } as FaultSuite;
  beforeAll(async () => {
    suite.faults = await FaultStack.launch(env);
    suite.db = new CaseDb(suite.faults.databaseUrl);
  });
  afterEach(() => void ran++);
  afterAll(async () => {
    await suite.db?.end();
    await suite.faults?.stop(passed < ran);
  });
  return suite;
}

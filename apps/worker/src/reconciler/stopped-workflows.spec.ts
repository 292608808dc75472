import { reconcileOpenCases, workflowStoppedStep, WorkflowRunStatus } from './stopped-workflows';

describe('reconcileOpenCases', () => {
  const runs: Record<string, WorkflowRunStatus> = {
    a: { status: 'RUNNING', runId: 'run-a' },
    b: { status: 'TERMINATED', runId: 'run-b' },
    c: { status: 'MISSING' },
    d: { status: 'FAILED', runId: 'run-d' },
  };

  it('records every case whose workflow is not running, and counts what was new', async () => {
    const recorded: string[] = [];
    const run = await reconcileOpenCases(
      Object.keys(runs),
      async (caseId) => runs[caseId],
      async (caseId) => {
        recorded.push(caseId);
        return caseId !== 'd'; // d was logged by an earlier pass
      },
    );
    expect(recorded.sort()).toEqual(['b', 'c', 'd']);
    expect(run).toEqual({ checked: 4, stopped: 3, newlyLogged: 2 });
  });

  it('with no open cases describes nothing', async () => {
    const describe = jest.fn();
    expect(await reconcileOpenCases([], describe, jest.fn())).toEqual({ checked: 0, stopped: 0, newlyLogged: 0 });
    expect(describe).not.toHaveBeenCalled();
  });

  it('a failure to describe fails the pass (the activity retries; nothing is reported stopped on a guess)', async () => {
    const record = jest.fn();
    const unreachable = () => Promise.reject(new Error('Temporal unavailable'));
    await expect(reconcileOpenCases(['a', 'b'], unreachable, record)).rejects.toThrow(/unavailable/);
    expect(record).not.toHaveBeenCalled();
  });
});

describe('workflowStoppedStep', () => {
  it('is keyed by the stopped run, so each run is logged and tasked once', () => {
    const step = workflowStoppedStep({ status: 'TERMINATED', runId: 'run-b' });
    expect(step).toMatchObject({
      stepKey: 'case.workflow_stopped:run-b',
      type: 'case.workflow_stopped',
      actor: 'system',
      data: { workflowStatus: 'TERMINATED', runId: 'run-b' },
      openTasks: [{ key: 'workflow-stopped:run-b', kind: 'WORKFLOW_STOPPED', role: 'supervisor' }],
    });
  });

  it('a case Temporal has no run of is keyed as missing', () => {
    const step = workflowStoppedStep({ status: 'MISSING' });
    expect(step.stepKey).toBe('case.workflow_stopped:missing');
    expect(step.openTasks?.[0].key).toBe('workflow-stopped:missing');
    expect(step.data).toEqual({ workflowStatus: 'MISSING', runId: null });
  });
});

import { randomInt, randomUUID } from 'node:crypto';
import { temporal } from '@temporalio/proto';
import { DEVELOPMENT_SECRETS } from '../libs/config/src/development-secrets';
import { EncryptionCodec } from '../libs/temporal/src/encryption-codec';
import { found, payloadsOf, rawHistory, stackLogMentioning, textsOf, withTemporal } from './support/access-leaks';
import { serviceLines } from './support/service-lines';
import { e2eEnv } from './support/env';
import { eventually } from './support/eventually';
import {
  AMY,
  assess,
  call,
  CAT,
  caseView,
  deliveries,
  entriesOf,
  expectAnswer,
  feedback,
  logOf,
  OCCURRED_AT,
  PLATFORM,
  refer,
  review,
  waitForEntry,
} from './support/lifecycle-api';

/**
 * Issue 5, the canary: a disclosure carries a unique marker in its text and identifying details, and is driven
 * through assessment, review, two referrals (one phoned, one sent electronically) whose shared data carry the
 * marked name and phone, the young person's notification (through a platform that fails twice first, so the
 * worker logs failures naming the case), agency feedback and closure. The marker then goes through workflow
 * update arguments, activity inputs and results and failure records; it must be found where it belongs
 * (the case, its log, the platform's message) and nowhere else: not in Temporal's raw history, workflow ids,
 * search attributes or memo, and not in the service's logs (README: "Sensitive data stays where it belongs").
 */
const { temporalAddress } = e2eEnv();
const NAMESPACE = process.env.TEMPORAL_NAMESPACE ?? 'default';

const marker = `canary-${randomUUID()}`;
const ukMobile = () => `+44 7${randomInt(100, 1000)} ${randomInt(100_000, 1_000_000)}`;
const PII = {
  marker,
  summary: `Says they have a plan to end their life tonight; their stepdad hits them. [${marker}]`,
  name: `Robin ${marker}`,
  phone: ukMobile(),
  email: `${marker}@example.org`,
  address: `12 ${marker} Road, Leeds`,
  location: `Outside the ${marker} library`,
  contactEmail: `contact.${marker}@example.org`,
  contactPhone: ukMobile(),
};
const digitsOnly = (phone: string) => phone.replace(/\D/g, '');
/** Everything that must not leak: the marker, every identifying value, and the phones as bare digits. */
const NEEDLES = [...Object.values(PII), digitsOnly(PII.phone), digitsOnly(PII.contactPhone)];

const sharedData = {
  name: PII.name,
  phone: PII.phone,
  email: PII.email,
  address: PII.address,
  concernSummary: `Plan to end their life tonight [${marker}]`,
};
const AGENCIES = ['EMERGENCY_SERVICES', 'SOCIAL_WORKER'];
let caseId: string;
const workflowId = () => `case-${caseId}`;

beforeAll(async () => {
  const created = await call(PLATFORM, 'POST', '/disclosures', {
    channel: 'boards',
    occurredAt: OCCURRED_AT,
    summary: PII.summary,
    // `flaky-…`: the stand-in platform refuses the first two deliveries, so the worker logs failures naming the case.
    subject: {
      externalUserId: `flaky-${randomUUID()}`,
      age: 15,
      contact: { platformMessage: true, email: PII.contactEmail, phone: PII.contactPhone },
    },
    identifying: { name: PII.name, phone: PII.phone, email: PII.email, address: PII.address, location: PII.location },
  });
  expectAnswer(created, 201);
  caseId = created.body.caseId;
  await waitForEntry(caseId, 'case.opened');

  const assessed = await assess(caseId, {
    age: 15,
    indicators: ['SUICIDE_PLAN_IMMEDIATE', 'ONGOING_ABUSE'],
    hasSocialWorker: true,
    notes: `Spoke to ${PII.name} on ${PII.phone}.`,
  });
  expectAnswer(assessed, 200);
  expect(assessed.body.recommendation).toMatchObject({ level: 'EMERGENCY', agencies: AGENCIES });
  expectAnswer(await review(caseId, CAT, { decision: 'APPROVE', reason: `Immediate risk to ${PII.name}.` }), 200);
  expectAnswer(
    await call(AMY, 'POST', `/cases/${caseId}/involvement`, {
      outcome: 'NOT_POSSIBLE',
      agreedFields: [],
      note: `Immediate risk; ${PII.name} not reachable at ${PII.phone}.`,
    }),
    200,
  );
  expectAnswer(
    await refer(caseId, {
      agency: 'EMERGENCY_SERVICES',
      method: 'PHONE',
      sharedData,
      agencyReference: `999 call about ${PII.name}`,
    }),
    201,
  );
  expectAnswer(await refer(caseId, { agency: 'SOCIAL_WORKER', method: 'PORTAL', sharedData }), 201);

  for (const agency of AGENCIES) {
    await waitForEntry(caseId, 'subject.notified', (e) => e.data.agency === agency, 30_000);
    await waitForEntry(caseId, 'feedback.requested', (e) => e.data.agency === agency, 30_000);
    expectAnswer(await feedback(caseId, agency, `Visited ${PII.address}; ${PII.name} is safe.`), 200);
  }
  await waitForEntry(caseId, 'case.closed', () => true, 30_000);
});

describe('canary: disclosure text and identifying details stay where they belong (issue 5)', () => {
  it('is found where it belongs: the case, its log, the platform message, and (encrypted) in Temporal payloads', async () => {
    const view = await caseView(caseId, AMY);
    expect(view.summary).toContain(marker);
    expect(view.identifying).toMatchObject({
      name: PII.name,
      phone: PII.phone,
      email: PII.email,
      address: PII.address,
    });
    expect(view.status).toBe('CLOSED');

    const referrals = entriesOf(await logOf(caseId), 'referral.recorded');
    expect(referrals.map((e) => [e.data.agency, e.data.sharedData])).toEqual(
      AGENCIES.map((agency) => [agency, sharedData]),
    );

    const told = await deliveries(caseId, '/platform');
    expect(
      told
        .filter((d) => d.status === 200)
        .map((d) => [d.body.agency, d.body.sharedData.name])
        .sort(),
    ).toEqual(AGENCIES.map((a) => [a, PII.name]));
    expect(told.filter((d) => d.status !== 200).length).toBeGreaterThanOrEqual(2); // the failures the worker logged

    // Decrypted with the suite's payload key, Temporal's payloads do carry the marked values: the search below
    // looks at data that really went through Temporal.
    const codec = EncryptionCodec.fromBase64(
      process.env.TEMPORAL_PAYLOAD_KEY ?? DEVELOPMENT_SECRETS.TEMPORAL_PAYLOAD_KEY,
    );
    const { events } = await rawHistory(temporalAddress, workflowId(), NAMESPACE);
    const decrypted = await codec.decode(payloadsOf(events) as never);
    expect(found(textsOf(decrypted), [marker, PII.name, PII.phone, PII.email, PII.address])).toEqual([
      marker,
      PII.name,
      PII.phone,
      PII.email,
      PII.address,
    ]);
  });

  it("is nowhere in the workflow's raw Temporal history (every event, every byte, no codec)", async () => {
    const { events, pages } = await rawHistory(temporalAddress, workflowId(), NAMESPACE);
    expect(pages).toBeGreaterThan(1); // paged through all of it
    const types = new Set(events.map((e) => temporal.api.enums.v1.EventType[e.eventType ?? 0]));
    expect([...types]).toEqual(
      expect.arrayContaining([
        'EVENT_TYPE_WORKFLOW_EXECUTION_STARTED',
        'EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED',
        'EVENT_TYPE_ACTIVITY_TASK_SCHEDULED',
        'EVENT_TYPE_ACTIVITY_TASK_COMPLETED',
        'EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED',
      ]),
    );

    const texts = textsOf(events);
    // The search sees bytes and strings: payload metadata, update names and the task queue are there.
    expect(found(texts, ['binary/encrypted', 'recordReferral', 'submitAssessment', 'safeguarding-cases'])).toHaveLength(
      4,
    );
    expect(found(texts, NEEDLES)).toEqual([]);

    // And the history exactly as the server sends it, serialised back to protobuf bytes.
    const bytes = Buffer.from(temporal.api.history.v1.History.encode({ events }).finish());
    expect(found([bytes.toString('latin1'), bytes.toString('utf8')], NEEDLES)).toEqual([]);
  });

  it('is in no workflow id, search attribute or memo', async () => {
    await withTemporal(temporalAddress, async (connection) => {
      const service = connection.workflowService;
      const described = await service.describeWorkflowExecution({
        namespace: NAMESPACE,
        execution: { workflowId: workflowId() },
      });
      expect(described.workflowExecutionInfo?.execution?.workflowId).toBe(`case-${caseId}`);
      expect(found(textsOf(described), NEEDLES)).toEqual([]);
      // No search attributes of our own (Temporal's own, such as the patch markers it keeps, may be there).
      const attributes = Object.keys(described.workflowExecutionInfo?.searchAttributes?.indexedFields ?? {});
      expect(attributes.filter((name) => !name.startsWith('Temporal') && name !== 'BuildIds')).toEqual([]);

      // The started event is where search attributes and memo would be written first.
      const { events } = await rawHistory(temporalAddress, workflowId(), NAMESPACE);
      const started = events[0].workflowExecutionStartedEventAttributes!;
      expect(found(textsOf([started.searchAttributes, started.memo, started.header]), NEEDLES)).toEqual([]);

      // Visibility: our workflow is listed under the case id alone; no listed workflow carries the canary.
      await eventually('the case workflow in visibility', async () => {
        const listed = await service.listWorkflowExecutions({
          namespace: NAMESPACE,
          query: `WorkflowId = '${workflowId()}'`,
        });
        return listed.executions?.length ? true : undefined;
      });
      const executions = [];
      let nextPageToken: Uint8Array | undefined;
      do {
        const page = await service.listWorkflowExecutions({ namespace: NAMESPACE, pageSize: 100, nextPageToken });
        executions.push(...(page.executions ?? []));
        nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
      } while (nextPageToken);
      const ids = executions.map((e) => e.execution?.workflowId ?? '');
      expect(ids).toContain(workflowId());
      // Every workflow id has a shape that carries no data: a case id, or a checkpoint or reconciler run (scheduled or
      // on demand).
      const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
      const dataFree = [
        new RegExp(`^case-${UUID}$`),
        new RegExp(`^case-log-checkpoint-on-demand-${UUID}$`),
        /^case-log-checkpoint-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
        new RegExp(`^case-reconciler-on-demand-${UUID}$`),
        /^case-reconciler-\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/,
      ];
      expect(ids.filter((id) => !dataFree.some((shape) => shape.test(id)))).toEqual([]);
      expect(found(textsOf(executions), NEEDLES)).toEqual([]);
    });
  });

  it("is nowhere in the service's logs (the stack's combined output)", async () => {
    // The worker logged the failed deliveries with the workflow id: that is how our stack's log is recognised.
    const log = await eventually(
      'the stack log mentioning the case',
      async () => stackLogMentioning(workflowId()),
      30_000,
    );
    expect(log.text).toContain(`"workflowId":"${workflowId()}"`);
    expect(found([log.text], NEEDLES)).toEqual([]);
  });

  it('is logged as JSON lines by the API and the worker, each request line with its request id (issue 14)', async () => {
    const log = (await eventually('the stack log', async () => stackLogMentioning(workflowId()), 30_000)).text;
    const lines = serviceLines(log);
    const services = new Set(lines.map((l) => l.service));
    expect([...services].sort()).toEqual(['api', 'worker']);
    for (const line of lines) expect(Object.keys(line)).toEqual(expect.arrayContaining(['time', 'level', 'service']));
    // The worker's Temporal lines (here: the platform's refusals, retried) are in the same format.
    const retried = lines.filter((l) => l.service === 'worker' && l.workflowId === workflowId());
    expect(retried.length).toBeGreaterThanOrEqual(2);
    // Every request this case's lifecycle made is a line with its route template and request id.
    const requests = lines.filter((l) => l.service === 'api' && l.msg === 'request completed');
    expect(requests.map((l) => l.route)).toEqual(
      expect.arrayContaining(['/disclosures', '/cases/:id/assessment', '/cases/:id/review', '/cases/:id/referrals']),
    );
    expect(requests.filter((l) => typeof l.requestId !== 'string')).toEqual([]);
  });
});

import { e2eEnv } from './support/env';
import { request } from './support/http';

const { apiUrl } = e2eEnv();

describe('service endpoints', () => {
  it('GET /health reports the database and Temporal up', async () => {
    const health = await request(apiUrl, 'GET', '/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', db: 'up', temporal: 'up' } });
  });

  it('serves the OpenAPI description at /docs, including the disclosure contract', async () => {
    const page = await fetch(`${apiUrl}/docs`);
    expect(page.status).toBe(200);
    const spec = await request(apiUrl, 'GET', '/docs-json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining(['/disclosures', '/cases/{id}', '/cases/{id}/log', '/health']),
    );
    expect(spec.body.components.schemas.CreateDisclosureDto.required).toEqual(
      expect.arrayContaining(['channel', 'occurredAt', 'summary', 'subject']),
    );
  });
});

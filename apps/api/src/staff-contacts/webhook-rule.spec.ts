import { webhookProblem } from './webhook-rule';

describe('registering a staff webhook for pages', () => {
  it('needs STAFF_WEBHOOK_SECRET: an unsigned page could be forged', () => {
    expect(webhookProblem('https://chat.example.org/h', { production: false })).toMatch(/STAFF_WEBHOOK_SECRET/);
  });

  it('in production, needs https', () => {
    const routes = { staffWebhookSecret: 'a-staff-webhook-secret', production: true };
    expect(webhookProblem('http://chat.example.org/h', routes)).toMatch(/https/);
    expect(webhookProblem('https://chat.example.org/h', routes)).toBeUndefined();
    expect(webhookProblem('http://127.0.0.1:8080/h', { ...routes, production: false })).toBeUndefined();
  });
});

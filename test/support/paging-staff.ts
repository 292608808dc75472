import type { FaultApi } from './fault-api';
import type { ReceivedDelivery } from './webhook-receiver';

/** Who a paging test's stack pages: the demo accounts, one a level (the lead named by SAFEGUARDING_LEAD_USERNAMES). */
export const PAGED = { 1: 'oncall.cat', 2: 'supervisor.dan', 3: 'officer.ben' } as const;
export const PAGING_ENV = { SAFEGUARDING_LEAD_USERNAMES: PAGED[3] };

/** Gives each paged person a chat webhook at `receiverUrl` and a shift of their level for the next hour. */
export async function putPagedStaffOnShift(api: FaultApi, receiverUrl: string): Promise<void> {
  const now = Date.now();
  const shift = { startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() };
  for (const [level, username] of Object.entries(PAGED)) {
    const contacts = await api.call(username, 'PUT', `/staff/${username}/contacts`, {
      webhookUrl: `${receiverUrl}/chat/${username}`,
    });
    if (contacts.status !== 200) throw new Error(`Contacts of ${username}: ${contacts.status}`);
    const booked = await api.call('admin.fay', 'POST', '/rota/shifts', { username, level: Number(level), ...shift });
    if (booked.status !== 201) throw new Error(`Shift of ${username}: ${booked.status} ${JSON.stringify(booked.body)}`);
  }
}

/** One page as a receiver saw it: whose, of which case, level and repeat, under which delivery id. */
export interface ReceivedPage {
  username: string;
  caseId: string;
  level: number;
  repeat: number;
  deliveryId: string | undefined;
  receivedAt: string;
  delivery: ReceivedDelivery;
}

/** The pages the receiver got (chat webhooks), optionally of one case. */
export async function receivedPages(receiverUrl: string, caseId?: string): Promise<ReceivedPage[]> {
  const all = (await (await fetch(`${receiverUrl}/received`)).json()) as ReceivedDelivery[];
  return all
    .filter((d) => d.path.startsWith('/chat/') && d.body?.type === 'staff.page')
    .map((d) => ({
      username: d.path.slice('/chat/'.length),
      caseId: String(d.body.link).split('/').at(-1)!,
      level: d.body.level,
      repeat: d.body.repeat,
      deliveryId: d.deliveryId,
      receivedAt: d.receivedAt,
      delivery: d,
    }))
    .filter((p) => caseId === undefined || p.caseId === caseId);
}

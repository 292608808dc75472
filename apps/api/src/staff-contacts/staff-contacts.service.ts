import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { routesConfig } from '@sg/agencies/routes.config';
import type { Actor } from '@sg/workflows/case/case.types';
import { DomainError } from '../common/domain-error';
import { StaffContactsDto } from './staff-contacts.dto';
import { webhookProblem } from './webhook-rule';

export interface StaffContactsView {
  username: string;
  email: string | null;
  phone: string | null;
  webhookUrl: string | null;
}

/** How each staff member is reached when paged: kept by admins and by the person themselves, nobody else. */
@Injectable()
export class StaffContactsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(routesConfig.KEY) private readonly routes: ConfigType<typeof routesConfig>,
  ) {}

  async read(username: string, actor: Actor): Promise<StaffContactsView> {
    await this.requireAccess(username, actor);
    const [row]: { email: string | null; phone: string | null; webhook_url: string | null }[] =
      await this.dataSource.query(`SELECT email, phone, webhook_url FROM staff_contacts WHERE username = $1`, [
        username,
      ]);
    return { username, email: row?.email ?? null, phone: row?.phone ?? null, webhookUrl: row?.webhook_url ?? null };
  }

  async replace(username: string, contacts: StaffContactsDto, actor: Actor): Promise<StaffContactsView> {
    await this.requireAccess(username, actor);
    const problem = contacts.webhookUrl && webhookProblem(contacts.webhookUrl, this.routes);
    if (problem) throw new DomainError('CONTACTS.INVALID', problem);
    const view = {
      username,
      email: contacts.email ?? null,
      phone: contacts.phone ?? null,
      webhookUrl: contacts.webhookUrl ?? null,
    };
    await this.dataSource.query(
      `INSERT INTO staff_contacts (username, email, phone, webhook_url, updated_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (username) DO UPDATE SET email = EXCLUDED.email, phone = EXCLUDED.phone,
         webhook_url = EXCLUDED.webhook_url, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [username, view.email, view.phone, view.webhookUrl, actor.username],
    );
    return view;
  }

  private async requireAccess(username: string, actor: Actor): Promise<void> {
    if (actor.username !== username && !actor.roles.includes('admin'))
      throw new DomainError(
        'CONTACTS.FORBIDDEN',
        "Only an admin or the person themselves may see or change someone's contacts",
      );
    const found: unknown[] = await this.dataSource.query(`SELECT 1 FROM staff_accounts WHERE username = $1`, [
      username,
    ]);
    if (!found.length) throw new DomainError('STAFF.NOT_FOUND', `No account named ${username}`);
  }
}

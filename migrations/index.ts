import { InitialSchema1763726400000 } from './1763726400000-initial-schema';
import { LifecycleReadModel1763733600000 } from './1763733600000-lifecycle-read-model';
import { ServiceRole1763740800000 } from './1763740800000-service-role';
import { LogSignatures1763748000000 } from './1763748000000-log-signatures';
import { StaffAccounts1763755200000 } from './1763755200000-staff-accounts';
import { NoPublicCreate1795701394237 } from './1795701394237-no-public-create';

/** Every migration, in order. Listed explicitly so the compiled services never glob the file system. */
export const MIGRATIONS = [
  InitialSchema1763726400000,
  LifecycleReadModel1763733600000,
  ServiceRole1763740800000,
  LogSignatures1763748000000,
  StaffAccounts1763755200000,
  NoPublicCreate1795701394237,
];

import { InitialSchema1763726400000 } from './1763726400000-initial-schema';
import { LifecycleReadModel1763733600000 } from './1763733600000-lifecycle-read-model';
import { ServiceRole1763740800000 } from './1763740800000-service-role';
import { LogSignatures1763748000000 } from './1763748000000-log-signatures';
import { StaffAccounts1763755200000 } from './1763755200000-staff-accounts';
import { SharingHistoryIndex1795697574780 } from './1795697574780-sharing-history-index';
import { StaffAuditChain1795697724900 } from './1795697724900-staff-audit-chain';
import { StaffSignIn1795697724901 } from './1795697724901-staff-sign-in';
import { PagingRoutes1795697856868 } from './1795697856868-paging-routes';
import { LogSigningKeyIds1795697913072 } from './1795697913072-log-signing-key-ids';
import { LogTreeLeaves1795699137764 } from './1795699137764-log-tree-leaves';
import { NoPublicCreate1795701394237 } from './1795701394237-no-public-create';
import { ConsoleSessions1795710000000 } from './1795710000000-console-sessions';
import { ReadModelNotify1795710000001 } from './1795710000001-read-model-notify';

/** Every migration, in order. Listed explicitly so the compiled services never glob the file system. */
export const MIGRATIONS = [
  InitialSchema1763726400000,
  LifecycleReadModel1763733600000,
  ServiceRole1763740800000,
  LogSignatures1763748000000,
  StaffAccounts1763755200000,
  SharingHistoryIndex1795697574780,
  StaffAuditChain1795697724900,
  StaffSignIn1795697724901,
  PagingRoutes1795697856868,
  LogSigningKeyIds1795697913072,
  LogTreeLeaves1795699137764,
  NoPublicCreate1795701394237,
  ConsoleSessions1795710000000,
  ReadModelNotify1795710000001,
];

import { InitialSchema1763726400000 } from './1763726400000-initial-schema';

/** Every migration, in order. Listed explicitly so the compiled services never glob the file system. */
export const MIGRATIONS = [InitialSchema1763726400000];

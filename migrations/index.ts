import { InitialSchema1763726400000 } from './1763726400000-initial-schema';
import { LifecycleReadModel1763733600000 } from './1763733600000-lifecycle-read-model';

/** Every migration, in order. Listed explicitly so the compiled services never glob the file system. */
export const MIGRATIONS = [InitialSchema1763726400000, LifecycleReadModel1763733600000];

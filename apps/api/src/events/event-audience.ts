import type { Audience } from '../auth/principal';

/** Who may follow the live events: the people who work the queue. */
export const EVENT_AUDIENCE: Audience[] = ['officer', 'on_call', 'supervisor'];

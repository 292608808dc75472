import type { Actor } from '../../../workflows/case/case.types';

export const AMY: Actor = { username: 'officer.amy', roles: ['officer'] };
export const CAT: Actor = { username: 'oncall.cat', roles: ['on_call'] };
export const DAN: Actor = { username: 'supervisor.dan', roles: ['supervisor'] };
/** A safeguarding lead who both assesses and reviews: four eyes still applies to them. */
export const LEE: Actor = { username: 'lead.lee', roles: ['officer', 'supervisor'] };

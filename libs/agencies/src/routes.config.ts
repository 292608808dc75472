import { registerAs } from '@nestjs/config';
import { readRouteSettings } from './route-settings';

/**
 * The routes to people (docs/paging.md), read when a service starts: a half-configured route, or in production a
 * missing one, stops the service with a message naming the setting.
 */
export const routesConfig = registerAs('routes', () => readRouteSettings(process.env));

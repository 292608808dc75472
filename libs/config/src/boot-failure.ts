import { Logger } from '@nestjs/common';
import { ConfigurationError, EXIT_CONFIGURATION } from './configuration-error';

/**
 * How a service dies at boot: a refused configuration exits with EX_CONFIG (78), naming every problem, so the
 * local stack stops instead of restarting it in a loop; anything else exits 1 and may be retried.
 */
export function exitOnBootFailure(service: string): (error: Error) => never {
  return (error) => {
    const logger = new Logger(service);
    if (error instanceof ConfigurationError) {
      logger.error(error.message);
      process.exit(EXIT_CONFIGURATION);
    }
    logger.error(`${service} stopped: ${error.name}: ${error.message}`);
    process.exit(1);
  };
}

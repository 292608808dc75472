import { DeliveryFailedError } from './webhook';

/** A delivery that no retry can make succeed (no route, a number the SMS service refuses): hand it to a person. */
export class PermanentDeliveryError extends DeliveryFailedError {}

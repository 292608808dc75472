import type { SubjectNotification } from './messages';
import { sharingInPlainWords } from './plain-words';

export interface PlainMessage {
  subject: string;
  text: string;
}

/**
 * What an email or SMS tells a young person about one referral: with whom, which kinds of detail and why, in the
 * words of their sharing history. The values themselves stay out: a message can be read by someone else.
 */
export function subjectMessage(notification: SubjectNotification): PlainMessage {
  const { agency, sentAt, sharedData, reason } = notification;
  return {
    subject: 'We shared some information to help keep you safe',
    text: [
      sharingInPlainWords(agency, sentAt, sharedData, reason),
      'You can always ask us why we did this, what we shared and who we shared it with.',
    ].join('\n\n'),
  };
}

/**
 * The words a young person reads about what was shared (SPEC §1: why, what and with whom): in their sharing history
 * and in the email or SMS that tells them.
 */
const AGENCY_NAMES: Record<string, string> = {
  EMERGENCY_SERVICES: 'the emergency services (999)',
  POLICE_NON_EMERGENCY: 'the police, on their non-emergency line (101)',
  SOCIAL_WORKER: 'your social worker',
  CARE_PROFESSIONAL: 'a health or care professional',
};

const FIELD_NAMES: Record<string, string> = {
  name: 'your name',
  dateOfBirth: 'your date of birth',
  phone: 'your phone number',
  email: 'your email address',
  address: 'your address',
  location: 'where you were',
  ipAddress: 'your internet (IP) address',
  concernSummary: 'what we were worried about',
};

export function agencyInPlainWords(agency: string): string {
  return AGENCY_NAMES[agency] ?? agency;
}

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export function sharingInPlainWords(
  agency: string,
  sharedAt: string,
  sharedData: Record<string, string>,
  reason: string,
): string {
  const day = new Date(sharedAt).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  const what = list(Object.keys(sharedData).map((f) => FIELD_NAMES[f] ?? f));
  return `On ${day} we shared ${what} with ${agencyInPlainWords(agency)}. ${reason}`;
}

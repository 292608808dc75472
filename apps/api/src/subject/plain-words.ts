// The words live with the deliveries, so an email or SMS to a young person says what their sharing history says.
export { agencyInPlainWords, sharingInPlainWords } from '@sg/agencies/plain-words';

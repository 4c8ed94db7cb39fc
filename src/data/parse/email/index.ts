/** E-mail parsers: single messages (.eml, with attachments as embedded files) and mailboxes (mbox, one embedded .eml per message). */
export { emlParser } from './eml-parser.js';
export { mboxParser } from './mbox-parser.js';
export { splitMbox, firstFromLine, type MboxMessage } from './split-mbox.js';
export { htmlToText } from './html-to-text.js';
export { attachmentName } from './attachment-files.js';

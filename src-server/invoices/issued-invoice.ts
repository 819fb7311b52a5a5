/** Drafts have no number (DOMAIN.md): a number or the issued status means the document is final — src-core's rule, as on the laptop. */
export { isIssuedDocument as isIssued } from '../../src-core/rules';

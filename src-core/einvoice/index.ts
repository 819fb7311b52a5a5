// E-invoicing (DOMAIN.md, E-invoicing; issue 18): the document view model
// shared by the PDF and the XML, the EN 16931 semantic invoice, its CII XML
// (factur-x.xml) written and read back, and the business rules it must pass.
export * from './invoice-document';
export * from './en16931';
export * from './cii-xml';
export * from './cii-read';
export * from './validate';
export * from './facturx';
export { parseXml, type XmlNode } from './xml-read';
export * from './platform';
export * from './e-reporting';

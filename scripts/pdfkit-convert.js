// A change to pdfkit's source as scripts/bundle.js bundles it (and its test, test/pdfkit-convert.test.ts).

/** The start of pdfkit's PDFObject.convert, as pdfkit 0.20 writes it. */
const CONVERT_START = "  static convert(object, encryptFn = null) {\n    if (typeof object === 'string') {";

/**
 * pdfkit's PDFObject.convert writes every value of every object in PDF syntax. It tests a value
 * against String, Uint8Array, PDFTree, PDFAbstractReference, SpotColor and Date (instanceof),
 * Array.isArray and Object.prototype.toString before it reaches a number, the commonest value; a
 * reference comes fourth. A long brief writes tens of thousands of objects (annotations, structure
 * elements, pages), and this was ~0.1 s of its PDF. Here a number and then a reference are tested
 * first: no test before either can hold for one (a number is no object; a reference is none of
 * String, Uint8Array or PDFTree), so each converts by the branch it reached before, to the same
 * text. A later pdfkit written otherwise is left as it is (it only costs that time).
 */
export function convertNumbersFirst(source) {
  return source.replace(
    CONVERT_START,
    "  static convert(object, encryptFn = null) {\n    if (typeof object === 'number') return PDFObject.number(object);\n    if (object instanceof PDFAbstractReference) return object.toString();\n    if (typeof object === 'string') {",
  );
}

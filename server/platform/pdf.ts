/**
 * PDF documents made on the server with pdfmake, in a Chinese font embedded (subset to the characters used):
 * Noto Sans CJK from Debian's fonts-noto-cjk by default (GEZHI_PDF_FONT, GEZHI_PDF_FONT_BOLD name other files).
 * A collection (.ttc) is opened at its Simplified Chinese face. Documents read no file but the font's.
 */
import fs from 'node:fs';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PdfFont } from './config.ts';
import { AppError } from './errors.ts';

const FAMILY = 'Chinese';
/**
 * A font file as pdfmake opens it: a collection (.ttc) as [file, face], here the Simplified Chinese face of Noto
 * Sans CJK (pdfmake hands the pair to pdfkit's font(); @types/pdfmake knows only the single-file form).
 */
const face = (file: string, weight: 'Regular' | 'Bold') =>
  (file.toLowerCase().endsWith('.ttc') ? [file, `NotoSansCJKsc-${weight}`] : file) as unknown as string;

export type PdfDocument = TDocumentDefinitions;

/**
 * What an `svg` node of a document adds so its text is drawn in the embedded font. pdfmake hands svg-to-pdfkit a
 * collection (.ttc) as a [file, face] pair, which it cannot open: it then draws the text in the document's current
 * font — the embedded Chinese one, the only font a document has — and warns; that one warning is dropped.
 */
export const SVG_IN_FONT = {
  font: FAMILY,
  options: {
    warningCallback: (message: string) => {
      if (!message.startsWith('SVGElemText: failed to open font')) process.emitWarning(message);
    },
  },
};

export interface PdfRenderer {
  render(doc: PdfDocument): Promise<Buffer>;
}

export function createPdfRenderer(font: PdfFont): PdfRenderer {
  const files = new Set([font.regular, font.bold]);
  return {
    async render(doc) {
      for (const file of files)
        if (!fs.existsSync(file)) throw new AppError('pdf.font_missing', [{ field: 'GEZHI_PDF_FONT', reason: 'not_found', value: file }]);
      pdfmake.setFonts({
        [FAMILY]: {
          normal: face(font.regular, 'Regular'),
          bold: face(font.bold, 'Bold'),
          italics: face(font.regular, 'Regular'),
          bolditalics: face(font.bold, 'Bold'),
        },
      });
      // A document never names a file or an address of its own: only the font files may be read, nothing fetched.
      pdfmake.setLocalAccessPolicy((path: string) => files.has(path));
      pdfmake.setUrlAccessPolicy(() => false);
      const made = pdfmake.createPdf({ ...doc, defaultStyle: { font: FAMILY, fontSize: 11, lineHeight: 1.4, ...doc.defaultStyle } });
      return made.getBuffer();
    },
  };
}

/**
 * Test helpers: open a generated .docx and look at its WordprocessingML without an XML parser.
 * The regular expressions fit the flat markup that the docx library writes.
 */
import JSZip from 'jszip';

export interface RunXml {
  text: string;
  props: string;
  bold: boolean;
  italic: boolean;
  /** Size in half-points, if set on the run. */
  halfPoints?: number;
  font?: string;
}

export interface ParagraphXml {
  xml: string;
  props: string;
  text: string;
  runs: RunXml[];
}

export interface DocxParts {
  zip: JSZip;
  document: string;
  styles: string;
  /** Header part XML by its relationship type in sectPr: 'default' | 'first'. */
  headers: Record<string, string>;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export async function openDocx(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string): Promise<string> => {
    const file = zip.file(name);
    if (!file) throw new Error(`missing part ${name}`);
    return file.async('string');
  };
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const headers: Record<string, string> = {};
  for (const m of document.matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
    const file = target?.[1] ?? target?.[2];
    if (file) headers[m[1]] = await read(`word/${file}`);
  }
  return { zip, document, styles: await read('word/styles.xml'), headers };
}

export function paragraphs(xml: string): ParagraphXml[] {
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>(.*?)<\/w:p>/gs)].map((m) => {
    const body = m[1];
    const props = /<w:pPr>(.*?)<\/w:pPr>/s.exec(body)?.[1] ?? '';
    const runs = [...body.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map((r): RunXml => {
      const runProps = /<w:rPr>(.*?)<\/w:rPr>/s.exec(r[1])?.[1] ?? '';
      const text = [...r[1].matchAll(/<w:t(?:\s[^>]*)?>(.*?)<\/w:t>/gs)].map((t) => unescapeXml(t[1])).join('');
      const size = /<w:sz w:val="(\d+)"\/>/.exec(runProps)?.[1];
      return {
        text,
        props: runProps,
        bold: /<w:b\/>/.test(runProps),
        italic: /<w:i\/>/.test(runProps),
        halfPoints: size ? Number(size) : undefined,
        font: /<w:rFonts w:ascii="([^"]+)"/.exec(runProps)?.[1],
      };
    });
    return { xml: m[0], props, text: runs.map((r) => r.text).join(''), runs };
  });
}

/** The first paragraph whose text contains the needle; throws if none, so tests read plainly. */
export function paragraphWith(xml: string, needle: string): ParagraphXml {
  const found = paragraphs(xml).find((p) => p.text.includes(needle));
  if (!found) throw new Error(`no paragraph contains ${JSON.stringify(needle)}`);
  return found;
}

/** The run whose text contains the needle. */
export function runWith(xml: string, needle: string): RunXml {
  const found = paragraphs(xml)
    .flatMap((p) => p.runs)
    .find((r) => r.text.includes(needle));
  if (!found) throw new Error(`no run contains ${JSON.stringify(needle)}`);
  return found;
}

/** All visible text of a part, paragraphs joined by newlines. */
export function plainText(xml: string): string {
  return paragraphs(xml)
    .map((p) => p.text)
    .join('\n');
}

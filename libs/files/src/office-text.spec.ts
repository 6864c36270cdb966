import { docxParagraphs, odtParagraphs } from './office-text';

describe('docxParagraphs', () => {
  it('#11.7: joins the runs of a paragraph and numbers paragraphs in order, text boxes included', () => {
    const xml = '<w:document><w:body><w:p><w:r><w:t>Jens</w:t></w:r><w:r><w:t xml:space="preserve"> Hansen</w:t></w:r></w:p>'
      + '<w:p><w:r><w:t>0101</w:t></w:r><w:r><w:t>90-1234</w:t></w:r><w:r><w:tab/><w:t>x</w:t></w:r></w:p>'
      + '<w:p><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>i en tekstboks</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r><w:r><w:t>efter</w:t></w:r></w:p>'
      + '<w:p/></w:body></w:document>';
    expect(docxParagraphs(xml)).toEqual(['Jens Hansen', '010190-1234\tx', 'efter', 'i en tekstboks']);
  });

  it('#11.7: decodes entities and CDATA, skips comments and attributes, and reads a ">" inside an attribute', () => {
    const xml = '<w:p w:rsidR="0101901234"><!-- 0202021234 --><w:r><w:t a="x>y">&#48;1&#x30;190&amp;<![CDATA[<b>]]></w:t></w:r></w:p>';
    expect(docxParagraphs(xml)).toEqual(['010190&<b>']);
  });

  it("#11.7: gathers text outside paragraphs (the document's properties)", () => {
    const [properties] = docxParagraphs('<cp:coreProperties><dc:title>CV</dc:title><dc:creator>010190-1234</dc:creator></cp:coreProperties>');
    expect(properties.trim().split('\n')).toEqual(['CV', '010190-1234']);
  });
});

describe('odtParagraphs', () => {
  it('#11.7: reads paragraphs and headings with their spaces, tabs and spans', () => {
    const xml = '<office:text><text:h>CV</text:h><text:p>Tlf.<text:s/>12 34<text:tab/><text:span>56 78</text:span></text:p></office:text>';
    expect(odtParagraphs(xml)).toEqual(['CV', 'Tlf. 12 34\t56 78']);
  });
});

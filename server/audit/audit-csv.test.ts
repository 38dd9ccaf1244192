import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './audit-csv.ts';

describe('audit CSV cells', () => {
  it('neutralises what a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+55 84')).toBe("'+55 84");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });

  it('quotes commas, quotes and line breaks, and writes objects as JSON', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', null, { role: 'admin' }])).toBe(
      '"a,b","say ""hi""","two\nlines",,"{""role"":""admin""}"\r\n',
    );
  });
});

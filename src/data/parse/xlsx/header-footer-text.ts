/** Excel page header/footer strings without their formatting codes (`&L`, `&C`, `&R`, `&P`, `&"Arial,Bold"`, `&12`…). */

/** Codes that stand for generated text, replaced by a readable placeholder. */
const FIELDS: Readonly<Record<string, string>> = { P: '[page]', N: '[pages]', D: '[date]', T: '[time]', F: '[file]', A: '[sheet]', Z: '[path]', G: '' };

/**
 * The header or footer as text: its left, centre and right sections on separate lines (blank sections left out).
 * @example headerFooterText('&L&"Arial,Bold"&12SECRET//NOFORN&RPage &P of &N') // 'SECRET//NOFORN\nPage [page] of [pages]'
 */
export function headerFooterText(code: string): string {
  const sections: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch !== '&') {
      current += ch;
      continue;
    }
    const next = code[i + 1] ?? '';
    i += 1;
    if (next === '&') current += '&';
    else if (next === 'L' || next === 'C' || next === 'R') {
      sections.push(current);
      current = '';
    } else if (next === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (/\d/.test(next)) {
      while (/\d/.test(code[i + 1] ?? '')) i += 1;
    } else if (next === 'K') i += 6; // colour: &KRRGGBB
    else current += FIELDS[next.toUpperCase()] ?? '';
  }
  sections.push(current);
  return sections.map((s) => s.trim()).filter((s) => s !== '').join('\n');
}

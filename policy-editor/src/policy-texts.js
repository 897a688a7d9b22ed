// The policy's own texts in the page's language (parameter descriptions, units, table column headings), as the
// service sends them with a version's tables (contents.texts, from the policy's texts-fr.csv); a text the policy
// has only in English is shown in English.
let texts = { headings: {}, parameters: {}, units: {} };

export function setPolicyTexts(value) {
  texts = { headings: {}, parameters: {}, units: {}, ...(value || {}) };
}

export const headingText = (heading) => texts.headings[heading] ?? heading;
export const parameterText = (name, english) => texts.parameters[name] ?? english;
export const unitText = (unit) => texts.units[unit] ?? unit;

// Prints the label catalogue's codes by kind as JSON (decision-service's LabelCatalogueTest compares them with
// the API's enums and the policy's reason catalogue). The page's globals are stubbed: only the data is read.
const store = new Map();
globalThis.localStorage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, String(v)), removeItem: (k) => store.delete(k) };
if (!globalThis.navigator) Object.defineProperty(globalThis, 'navigator', { value: { language: 'en' }, configurable: true });
globalThis.document = { documentElement: {} };
const { allCodes, CATALOGUE } = await import('../src/labels.js');
const missingFrench = Object.entries(CATALOGUE).flatMap(([kind, entries]) => Object.entries(entries)
  .filter(([, v]) => !v.en || !v.fr).map(([code]) => `${kind}.${code}`));
process.stdout.write(`${JSON.stringify({ codes: allCodes(), missingFrench })}\n`);

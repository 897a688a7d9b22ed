// An API refusal on a version's page with everything it lists: compile errors and failing scenarios are both in `errors`.
import { h } from '../../dom.js';
import { errorBox } from '../../ui.js';

export function problemDetails(err) {
  const box = errorBox(err);
  const list = err.errors.map((e) => `${e.location || e.field || ''}: ${e.message || e.reason}`);
  if (list.length) box.append(h('ul', list.map((s) => h('li', s))));
  return box;
}

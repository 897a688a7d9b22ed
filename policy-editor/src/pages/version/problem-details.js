// An API refusal on a version's page with everything it lists: compile errors, failing scenarios.
import { h } from '../../dom.js';
import { errorBox } from '../../ui.js';

export function problemDetails(err) {
  const box = errorBox(err);
  const failures = err.problem?.scenarioFailures || [];
  const list = [
    ...err.errors.map((e) => `${e.location || e.field || ''}: ${e.message || e.reason}`),
    ...failures.map((f) => `${f.id}: ${(f.failures || []).join('; ')}`),
  ];
  if (list.length) box.append(h('ul', list.map((s) => h('li', s))));
  return box;
}

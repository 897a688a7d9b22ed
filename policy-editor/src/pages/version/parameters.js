// The Parameters tab: one field per parameter with its unit and description; errors next to their field.
import { saveParameters } from '../../api/policies.js';
import { clear, field, h, setFieldError } from '../../dom.js';
import { number as formatNumber, parseDecimal } from '../../format.js';
import { t } from '../../i18n.js';
import { busy } from '../../ui.js';
import { problemDetails } from './problem-details.js';
import { parameterText, unitText } from '../../policy-texts.js';

export function parametersTab(panel, contents, editable, number, msgs) {
  const params = contents.parameters;
  if (!params) {
    clear(panel, h('p.muted', t('version.noParameters')));
    return;
  }
  const inputs = params.rows.map((row) => {
    const [name, value, unit, description] = row.cells;
    // A number is shown and typed in the page's language (2,4 in French) and sent as the file writes it (2.4).
    const numeric = /^-?\d+(\.\d+)?$/.test(String(value).trim());
    const input = h('input', { name, value: numeric ? formatNumber(value, 10) : value, readonly: !editable, dataset: { unit } });
    if (numeric) input.setAttribute('inputmode', 'decimal');
    const read = () => (numeric ? parseDecimal(input.value) ?? '' : input.value);
    return { name, unit, description, input, read };
  });
  const save = h('button.primary', { type: 'submit', id: 'save-parameters' }, t('version.saveParameters'));
  const form = h('form.parameters', {
    'aria-label': t('version.parameters'),
    onsubmit: (e) => {
      e.preventDefault();
      busy(save, msgs, async () => {
        inputs.forEach((p) => setFieldError(p.input, ''));
        const values = inputs.map((p) => {
          try {
            return p.read();
          } catch (err) {
            setFieldError(p.input, err.message);
            return null;
          }
        });
        if (values.includes(null)) throw new Error(t('grid.fixFirst'));
        try {
          await saveParameters(number, inputs.map((p, i) => ({ name: p.name, value: values[i], unit: p.unit, description: p.description })));
          msgs.ok(t('version.parametersSaved'));
        } catch (err) {
          for (const e2 of err.errors) {
            const i = e2.rowIndex ?? (e2.row ? e2.row - params.firstRow : -1);
            if (inputs[i]) setFieldError(inputs[i].input, e2.message);
          }
          msgs.replaceChildren(problemDetails(err));
        }
      });
    },
  },
  inputs.map((p) => field(`${p.name}${p.unit ? ` (${unitText(p.unit)})` : ''}`, p.input, parameterText(p.name, p.description))),
  editable ? save : null);
  clear(panel, form);
}

// The Rules (DRL) tab: a code editor per DRL file; after a save, compile errors marked on their lines.
import { saveText, validation } from '../../api/policies.js';
import { drlEditor } from '../../drl.js';
import { clear, h } from '../../dom.js';
import { t } from '../../i18n.js';
import { busy } from '../../ui.js';
import { problemDetails } from './problem-details.js';

export function rulesTab(panel, contents, editable, number, msgs) {
  clear(panel, ...contents.rules.map((rule) => {
    const editor = drlEditor({ value: rule.text, label: t('version.drlLabel', { file: rule.file }), readOnly: !editable });
    const save = h('button.primary', { type: 'button' }, t('version.saveDrl'));
    save.addEventListener('click', () => busy(save, msgs, async () => {
      editor.clearMarks();
      await saveText(number, rule.file, editor.value);
      const check = await validation(number);
      const mine = check.errors.filter((e) => e.file === rule.file);
      mine.forEach((e) => e.line && editor.markLine(e.line, e.message));
      if (mine.length) msgs.replaceChildren(problemDetails({ title: t('version.drlErrors'), message: '', errors: mine }));
      else msgs.ok(t('version.drlSaved', { file: rule.file }));
    }));
    return h('section.drl', h('h2', rule.file), editor, editable ? h('div.toolbar', save) : null);
  }));
}

// Irreversible actions and unsaved work: the confirmation dialog that states an action's consequence and asks
// for the reason the audit trail records, the result kept for the page drawn again after the action, and the
// register of unsaved edits that leaving the page or the view asks about first.
import { field, h, setFieldError } from './dom.js';
import { t } from './i18n.js';

let afterRedraw = null;

/** A result to show once the page is drawn again (an action that redraws the whole page shows it there). */
export function noticeAfterRedraw(text) {
  afterRedraw = text;
}

/** The notice kept by noticeAfterRedraw, once. */
export function takeNotice() {
  const text = afterRedraw;
  afterRedraw = null;
  return text;
}

/**
 * A confirmation for an irreversible action (approve, activate, roll back, release or reject a hold): a modal
 * dialog that names the action and states its consequence, asks for the reason the audit trail records when
 * `reason` is given ({label, value, required, hint}), and shows any `fields` ([{name, label, control, hint}]).
 * On Confirm it runs `perform(values)` ({reason, <name>: value}) with the dialog open; a problem naming the
 * reason field (comment or reason) stays in the dialog next to the field, any other problem closes it and
 * rejects, for the page to show where it belongs. Resolves with perform's result, or null when cancelled
 * (Cancel or Escape). Focus goes to the reason (or to Cancel) and back to the element that opened the dialog.
 */
export function confirmAction({ title, consequence, confirmLabel, reason, fields = [], perform }) {
  const opener = document.activeElement;
  return new Promise((resolve, reject) => {
    const reasonInput = reason ? h('textarea', { id: 'confirm-reason', rows: 3, maxlength: 2000,
      'aria-required': reason.required ? 'true' : null }) : null;
    if (reasonInput) reasonInput.value = reason.value || '';
    const ok = h('button.primary', { type: 'submit', id: 'confirm-ok' }, confirmLabel);
    const cancel = h('button', { type: 'button', id: 'confirm-cancel' }, t('confirm.cancel'));
    const dialog = h('dialog.confirm', { 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-consequence' });
    let settled = false;
    const close = (value, error) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      // After the opener's busy state has ended (a disabled button takes no focus).
      setTimeout(() => {
        if (opener && opener.isConnected && typeof opener.focus === 'function') opener.focus();
      }, 0);
      if (error) reject(error); else resolve(value);
    };
    const form = h('form', {
      onsubmit: async (e) => {
        e.preventDefault();
        const values = { reason: reasonInput ? reasonInput.value.trim() : undefined };
        if (reasonInput) {
          setFieldError(reasonInput, '');
          if (reason.required && !values.reason) {
            setFieldError(reasonInput, t('confirm.reasonRequired'));
            reasonInput.focus();
            return;
          }
        }
        fields.forEach((f) => { values[f.name] = f.control.value; });
        if (!perform) {
          close(values);
          return;
        }
        ok.disabled = true;
        ok.setAttribute('aria-busy', 'true');
        try {
          close(await perform(values));
        } catch (err) {
          if (reasonInput && (err.errors || []).some((x) => x.field === 'comment' || x.field === 'reason')) {
            setFieldError(reasonInput, err.message);
            reasonInput.focus();
          } else {
            close(null, err);
          }
        } finally {
          ok.disabled = false;
          ok.removeAttribute('aria-busy');
        }
      },
    },
    h('h2', { id: 'confirm-title' }, title),
    h('p.consequence', { id: 'confirm-consequence' }, consequence),
    h('p.recorded', t('confirm.recorded')),
    reasonInput ? field(reason.label, reasonInput, reason.hint) : null,
    fields.map((f) => field(f.label, f.control, f.hint)),
    h('div.buttons', ok, cancel));
    cancel.addEventListener('click', () => close(null));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      close(null);
    });
    dialog.append(form);
    document.body.append(dialog);
    dialog.showModal();
    (reasonInput || cancel).focus();
  });
}

const unsaved = new Set();

/** Marks (or clears) unsaved edits under a key (a table's grid); leaving the view or the page asks first. */
export function setUnsaved(key, value) {
  if (value) unsaved.add(key); else unsaved.delete(key);
}

export function hasUnsaved() {
  return unsaved.size > 0;
}

/** The edits are given up (the person chose to leave). */
export function forgetUnsaved() {
  unsaved.clear();
}

window.addEventListener('beforeunload', (e) => {
  if (unsaved.size) {
    e.preventDefault();
    e.returnValue = '';
  }
});

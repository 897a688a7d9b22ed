/**
 * What the policy editor's page needs beyond the policy lifecycle: each decision table of a version as a
 * typed grid (the rows and columns of its XLSX or CSV, headed in words), written back in its own format,
 * and the parameters as a form. Edits go through the policy lifecycle, so only drafts change. See
 * docs/policy-editor.md.
 */
package io.encours.service.editor;

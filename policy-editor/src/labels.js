// The label catalogue: every code the API returns (outcomes, decision types, actions, reasons, statuses, roles,
// hold states, ledger event types, exposure categories, account states, verifier findings, diff kinds), in
// English and French. Pages show label(kind, code), never the raw code. Reason texts are the policy's own
// (reason-labels.js, generated from its reason catalogue); a reason's message from the service, when the
// answer has one, is better still (reasonText). decision-service's LabelCatalogueTest fails when the API has
// a code this catalogue lacks.
import { lang } from './i18n.js';
import reasons from './reason-labels.js';

const pair = (en, fr) => ({ en, fr });

export const CATALOGUE = {
  outcome: {
    APPROVE: pair('Approved', 'Acceptée'), REVIEW: pair('To review', 'À examiner'), BLOCK: pair('Blocked', 'Bloquée'),
    CREDIT_GRANTED: pair('Credit granted', 'Crédit accordé'), GUARANTEE_REQUIRED: pair('Guarantee required', 'Garantie exigée'),
    PREPAYMENT_ONLY: pair('Prepayment only', 'Paiement d’avance uniquement'),
    WITHIN_STANDARD: pair('Within standard terms', 'Dans les conditions standard'),
    APPROVAL_REQUIRED: pair('Approval required', 'Approbation requise'), REFUSED: pair('Refused', 'Refusées'),
    NO_ACTION: pair('No action', 'Aucune action'), DUN: pair('Send a reminder', 'Relancer'), ESCALATE: pair('Escalate', 'Escalader'),
    WAIT: pair('Wait', 'Attendre'), SUSPENDED: pair('Suspended', 'Suspendue'),
  },
  type: {
    ORDER_CHECK: pair('Order check', 'Contrôle de commande'), CUSTOMER_SCORE: pair('Customer score', 'Score client'),
    PAYMENT_TERMS: pair('Payment terms', 'Délais de paiement'), DUNNING: pair('Dunning', 'Relance'),
  },
  // What was done to a policy version (its history).
  action: {
    CREATE: pair('Draft created', 'Brouillon créé'), UPLOAD: pair('Files uploaded', 'Fichiers déposés'),
    REPLACE_FILE: pair('Table or file changed', 'Table ou fichier modifié'), SUBMIT: pair('Submitted', 'Soumise'),
    APPROVE: pair('Approved', 'Approuvée'), REJECT: pair('Rejected', 'Rejetée'), SCHEDULE: pair('Activation scheduled', 'Activation programmée'),
    ACTIVATE: pair('Activated', 'Activée'), SCHEDULED_ACTIVATION: pair('Activated as scheduled', 'Activée comme programmé'),
    ROLLBACK: pair('Rolled back', 'Retour à la version précédente'),
  },
  // What was done to a hold (its history).
  holdAction: {
    RELEASE: pair('Released', 'Libéré'), REJECT: pair('Rejected', 'Rejeté'),
    REFUSED_ATTEMPT: pair('Attempt refused (authority)', 'Tentative refusée (délégation)'),
    CALLBACK_ATTEMPT: pair('Order system notified', 'Système de commandes notifié'),
  },
  // A policy version's status, and a simulation's or back-test's.
  status: {
    DRAFT: pair('draft', 'brouillon'), SUBMITTED: pair('submitted', 'soumise'), APPROVED: pair('approved', 'approuvée'),
    ACTIVE: pair('active', 'active'), RETIRED: pair('retired', 'retirée'), REJECTED: pair('rejected', 'rejetée'),
    RUNNING: pair('running', 'en cours'), DONE: pair('done', 'terminée'), CANCELLED: pair('cancelled', 'annulée'), FAILED: pair('failed', 'en échec'),
  },
  // A hold (un blocage: masculine in French).
  hold: {
    OPEN: pair('open', 'ouvert'), RELEASED: pair('released', 'libéré'), REJECTED: pair('rejected', 'rejeté'), EXPIRED: pair('expired', 'expiré'),
  },
  role: {
    ORDER_SYSTEM: pair('order system', 'système de commandes'), ERP_FEED: pair('ERP feed', 'flux ERP'),
    CREDIT_ANALYST: pair('credit analyst', 'analyste crédit'), CREDIT_MANAGER: pair('credit manager', 'credit manager'),
    CREDIT_COMMITTEE: pair('credit committee', 'comité de crédit'), AUDITOR: pair('auditor', 'auditeur'), ADMIN: pair('administrator', 'administrateur'),
  },
  event: {
    ORDER_BOOKED: pair('order booked', 'commande saisie'), ORDER_CHANGED: pair('order changed', 'commande modifiée'),
    ORDER_CANCELLED: pair('order cancelled', 'commande annulée'), ORDER_SHIPPED: pair('order shipped', 'commande livrée'),
    INVOICE_ISSUED: pair('invoice issued', 'facture émise'), CREDIT_NOTE: pair('credit note', 'avoir'),
    PAYMENT_RECEIVED: pair('payment received', 'paiement reçu'), PAYMENT_REVERSED: pair('payment reversed', 'paiement rejeté'),
    WRITE_OFF: pair('write-off', 'passage en perte'), DISPUTE_OPENED: pair('dispute opened', 'litige ouvert'),
    DISPUTE_RESOLVED: pair('dispute resolved', 'litige résolu'), PROMISE_TO_PAY: pair('promise to pay', 'promesse de paiement'),
    DUNNING_STEP_SENT: pair('dunning step sent', 'relance envoyée'),
    INVOICE_CLOSED_BY_SNAPSHOT: pair('invoice closed by snapshot', "facture soldée par l'instantané"),
  },
  exposure: {
    OPEN_ORDERS: pair('Open orders', 'Commandes en cours'), OPEN_ORDERS_BEYOND_HORIZON: pair('Orders beyond the horizon', "Commandes au-delà de l'horizon"),
    APPROVED_NOT_BOOKED: pair('Approved, not booked', 'Acceptées, non saisies'), SHIPPED_NOT_INVOICED: pair('Shipped, not invoiced', 'Livrées, non facturées'),
    OPEN_INVOICES_NOT_DUE: pair('Open invoices, not due', 'Factures non échues'), OVERDUE: pair('Overdue', 'Échu'),
    DISPUTED: pair('Disputed', 'En litige'), UNALLOCATED_CASH: pair('Unallocated cash', 'Encaissements non lettrés'),
  },
  account: {
    ACTIVE: pair('active', 'actif'), BLOCKED: pair('blocked', 'bloqué'), LITIGATION: pair('in litigation', 'en contentieux'), CLOSED: pair('closed', 'clos'),
  },
  // Why a limit or a cover does not count today.
  notInForce: {
    LIMIT_MISSING: pair('no limit', 'aucun plafond'), LIMIT_NOT_YET_VALID: pair('limit not yet valid', 'plafond pas encore valable'),
    LIMIT_EXPIRED: pair('limit expired', 'plafond expiré'), COVER_MISSING: pair('no insurance cover', "pas d'assurance-crédit"),
    COVER_NOT_YET_VALID: pair('cover not yet valid', 'garantie pas encore valable'), COVER_EXPIRED: pair('cover expired', 'garantie expirée'),
  },
  finding: {
    UNREACHABLE: pair('Unreachable', 'Inatteignable'), OVERLAP: pair('Overlap', 'Chevauchement'), GAP: pair('Gap', 'Trou'), DUPLICATE: pair('Duplicate', 'Doublon'),
  },
  change: {
    CELL: pair('cell', 'cellule'), LINE_ADDED: pair('line added', 'ligne ajoutée'), LINE_REMOVED: pair('line removed', 'ligne supprimée'),
    PARAMETER: pair('parameter', 'paramètre'), REASON: pair('reason', 'motif'), MANIFEST: pair('manifest', 'manifeste'),
    FILE_ADDED: pair('file added', 'fichier ajouté'), FILE_REMOVED: pair('file removed', 'fichier supprimé'),
  },
  valueType: { NUMBER: pair('number', 'nombre'), TEXT: pair('text', 'texte'), BOOLEAN: pair('true/false', 'vrai/faux') },
  // A ledger event as the intake took it.
  intake: { ACCEPTED: pair('accepted', 'accepté'), DUPLICATE: pair('duplicate', 'doublon'), REJECTED: pair('rejected', 'rejeté') },
  subject: { ORDER: pair('order', 'commande'), INVOICE: pair('invoice', 'facture'), CUSTOMER: pair('customer', 'client') },
  integrity: { WHOLE: pair('intact', 'intact'), ALTERED: pair('altered', 'altéré'), UNSEALED: pair('not sealed', 'non scellé') },
  debtorProfile: {
    PUNCTUAL: pair('punctual', 'ponctuel'), RECURRENTLY_LATE: pair('recurrently late', 'retards récurrents'),
    IN_DIFFICULTY: pair('in difficulty', 'en difficulté'), BAD_FAITH: pair('bad faith', 'mauvaise foi'),
  },
  paymentMethod: {
    BANK_TRANSFER: pair('bank transfer', 'virement'), DIRECT_DEBIT: pair('direct debit', 'prélèvement'), CHEQUE: pair('cheque', 'chèque'),
    CARD: pair('card', 'carte'), PREPAYMENT: pair('prepayment', 'paiement d’avance'), BILL_OF_EXCHANGE: pair('bill of exchange', 'lettre de change'),
  },
  promise: { PENDING: pair('pending', 'en attente'), KEPT: pair('kept', 'tenue'), BROKEN: pair('broken', 'non tenue') },
  // A dunning run and the lines of its worklist.
  dunningRun: {
    RUNNING: pair('running', 'en cours'), FINISHED: pair('finished', 'terminée'), FAILED: pair('failed', 'en échec'),
    INTERRUPTED: pair('interrupted', 'interrompue'),
  },
  worklistLine: {
    TO_DO: pair('to do', 'à faire'), DONE: pair('done', 'faite'), SKIPPED: pair('skipped', 'écartée'),
    FAILED: pair('failed', 'en échec'),
  },
  adminAction: {
    ADMIN_BOOTSTRAPPED: pair('first administrator created', 'premier administrateur créé'), USER_CREATED: pair('user created', 'utilisateur créé'),
    USER_ROLES_SET: pair('roles set', 'rôles modifiés'), USER_DISABLED: pair('user disabled', 'utilisateur désactivé'),
    USER_ENABLED: pair('user enabled', 'utilisateur réactivé'), USER_PASSWORD_RESET: pair('password reset', 'mot de passe réinitialisé'),
    PASSWORD_CHANGED: pair('password changed', 'mot de passe changé'), API_KEY_CREATED: pair('API key created', "clé d'API créée"),
    API_KEY_REVOKED: pair('API key revoked', "clé d'API révoquée"), LOGIN_LOCKED: pair('login locked', 'connexion verrouillée'),
    USER_UNLOCKED: pair('user unlocked', 'utilisateur déverrouillé'),
  },
  // Who must approve a payment-term exception.
  approvalLevel: {
    ANALYST: pair('credit analyst', 'analyste crédit'), CREDIT_MANAGER: pair('credit manager', 'credit manager'),
    COMMITTEE: pair('credit committee', 'comité de crédit'),
  },
  reason: reasons,
};

const current = () => (lang() === 'fr' ? 'fr' : 'en');

/** The label of a code of the given kind in the page's language; the code itself when the catalogue lacks it. */
export function label(kind, code, language = current()) {
  if (code === null || code === undefined || code === '') return '';
  const entry = CATALOGUE[kind]?.[code];
  return entry ? entry[language] || entry.en : String(code);
}

/** True when the catalogue has a label for the code. */
export function known(kind, code) {
  return !!CATALOGUE[kind]?.[code];
}

/** A reason's text: the message the service gave in the page's language, else the policy's text for its code. */
export function reasonText(reason, language = current()) {
  if (!reason) return '';
  const given = reason.message ?? (language === 'fr' ? reason.messageFr : reason.messageEn) ?? reason.messageEn;
  return given || label('reason', reason.code, language);
}

/** [code, label] pairs of a kind, for a pick list, in the catalogue's order (or only the codes given). */
export function options(kind, codes = Object.keys(CATALOGUE[kind] || {}), language = current()) {
  return codes.map((code) => [code, label(kind, code, language)]);
}

/** Every code of every kind, for the test that compares the catalogue with the API. */
export function allCodes() {
  return Object.fromEntries(Object.entries(CATALOGUE).map(([kind, entries]) => [kind, Object.keys(entries)]));
}

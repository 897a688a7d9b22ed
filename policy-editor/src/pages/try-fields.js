// The names of a decision request's fields and groups in English and French, for Try it's form: a field is
// labelled "Total debts" / "Dettes totales", its JSON path stays in the field's title for those who need it.
import { lang } from '../i18n.js';

const F = {
  customer: ['Customer', 'Client'], externalRating: ['External rating', 'Notation externe'], financials: ['Financial statements', 'Données financières'],
  paymentBehaviour: ['Payment behaviour', 'Comportement de paiement'], creditAccount: ['Credit account', 'Compte crédit'],
  exposure: ['Exposure', 'Encours'], order: ['Order', 'Commande'], requestedTerms: ['Requested terms', 'Délais demandés'],
  invoice: ['Invoice', 'Facture'], promises: ['Payment promises', 'Promesses de paiement'], previousActions: ['Previous dunning actions', 'Relances précédentes'],
  id: ['Id', 'Identifiant'], name: ['Name', 'Raison sociale'], country: ['Country', 'Pays'], sector: ['Sector', 'Secteur'],
  legalForm: ['Legal form', 'Forme juridique'], foundingDate: ['Founded on', 'Date de création'], provider: ['Provider', 'Fournisseur'],
  score: ['Score', 'Score'], ratedOn: ['Rated on', 'Notée le'], totalAssets: ['Total assets', 'Total du bilan'],
  totalDebts: ['Total debts', 'Dettes totales'], equity: ['Equity', 'Capitaux propres'], netFinancialDebt: ['Net financial debt', 'Endettement financier net'],
  revenue: ['Revenue', "Chiffre d'affaires"], fiscalYearEnd: ['Fiscal year end', "Clôture de l'exercice"], netIncome: ['Net income', 'Résultat net'],
  operatingIncome: ['Operating income', "Résultat d'exploitation"], interestExpense: ['Interest expense', 'Charges financières'],
  currentAssets: ['Current assets', 'Actif circulant'], currentLiabilities: ['Current liabilities', 'Passif circulant'], cash: ['Cash', 'Trésorerie'],
  previousRevenue: ['Previous revenue', "Chiffre d'affaires précédent"], incidentsLast12Months: ['Incidents, last 12 months', 'Incidents sur 12 mois'],
  averageDaysLate: ['Average days late', 'Retard moyen (jours)'], internalLimit: ['Credit limit', 'Limite de crédit'],
  insuredLimit: ['Insured limit', 'Limite garantie'], insurer: ['Insurer', 'Assureur'], insuranceExpiry: ['Insurance expiry', "Fin de l'assurance"],
  status: ['Status', 'Statut'], lastReviewDate: ['Last review', 'Dernière revue'], openedOn: ['Opened on', 'Ouvert le'],
  openInvoices: ['Open invoices', 'Factures ouvertes'], overdueAmount: ['Overdue amount', 'Montant échu'], oldestOverdueDays: ['Oldest overdue (days)', 'Plus ancien retard (jours)'],
  openOrders: ['Open orders', 'Commandes en cours'], disputedAmount: ['Disputed amount', 'Montant en litige'],
  highestDunningLevel: ['Highest dunning level', 'Niveau de relance le plus haut'], amount: ['Amount', 'Montant'], currency: ['Currency', 'Devise'],
  days: ['Days', 'Jours'], endOfMonth: ['End of month', 'Fin de mois'], paymentMethod: ['Payment method', 'Moyen de paiement'],
  purchaseOrderPresent: ['Purchase order present', 'Bon de commande présent'], termsAndConditionsAccepted: ['Terms and conditions accepted', 'CGV acceptées'],
  asOf: ['Decision date', 'Date de décision'], orderAmount: ['Order amount', 'Montant de la commande'], number: ['Number', 'Numéro'],
  issuedOn: ['Issued on', 'Émise le'], dueDate: ['Due date', "Date d'échéance"], disputed: ['Disputed', 'En litige'],
  promisedOn: ['Promised on', 'Promise le'], promisedFor: ['Promised for', 'Promise pour le'], sentOn: ['Sent on', 'Envoyée le'], step: ['Step', 'Étape'],
};

/** A field's or a group's name in the page's language; a path "invoices[0].amount" names its last field, with its position. */
export function fieldName(path) {
  const parts = String(path).match(/[^.[\]]+/g) || [String(path)];
  const last = [...parts].reverse().find((p) => !/^\d+$/.test(p)) || parts[parts.length - 1];
  const index = /^\d+$/.test(parts[parts.length - 1]) ? ` ${Number(parts[parts.length - 1]) + 1}` : '';
  const entry = F[last];
  return `${entry ? entry[lang() === 'fr' ? 1 : 0] : last}${index}`;
}

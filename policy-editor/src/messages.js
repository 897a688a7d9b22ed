// Texts of the service's own messages the page adds words to (the caller's release limit, the diff's "where"),
// in English and French; the service's problems themselves come in the page's language (Accept-Language),
// each with a stable code and params (docs/errors.md).
import { addTexts } from './i18n.js';

addTexts('en', {
  'holds.authority': 'Your release limit', 'holds.authorityUpTo': 'up to {limit} {currency}',
  'holds.authorityUnlimited': 'any amount', 'holds.authorityNone': 'none: you have no credit role',
  'holds.authorityBeyond': 'this hold is beyond it: a higher authority must release it',
  'diff.location': 'In the file',
});
addTexts('fr', {
  'holds.authority': 'Votre limite de libération', 'holds.authorityUpTo': "jusqu'à {limit} {currency}",
  'holds.authorityUnlimited': 'tout montant', 'holds.authorityNone': "aucune : vous n'avez pas de rôle crédit",
  'holds.authorityBeyond': 'ce blocage la dépasse : une délégation plus élevée doit le libérer',
  'diff.location': 'Dans le fichier',
});

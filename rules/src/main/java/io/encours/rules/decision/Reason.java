package io.encours.rules.decision;

import java.util.Locale;

/**
 * Why a decision came out as it did: a stable code, a message a sales clerk understands in English and
 * French, the outcome this reason pushes towards, and the rule or table row that produced it.
 */
public record Reason(String code, String outcome, String messageEn, String messageFr, RuleRef source) {

    /** The message in the given language; French for any French locale, English otherwise. */
    public String message(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage()) ? messageFr : messageEn;
    }
}

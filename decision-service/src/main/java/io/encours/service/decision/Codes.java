package io.encours.service.decision;

/** Shapes of the identifiers and codes the API accepts, as regular expressions for {@code @Pattern}. */
final class Codes {
    /** Customer, order and invoice ids as ERPs write them: letters, digits and {@code . _ : / -}. */
    static final String IDENTIFIER = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}";
    static final String IDENTIFIER_MESSAGE = "must be 1 to 64 letters, digits or . _ : / - starting with a letter or digit";

    /** Policy codes (sector, legal form) are compared as written: upper case, as in the policy tables. */
    static final String CODE = "[A-Z][A-Z0-9_]{0,39}";
    static final String CODE_MESSAGE = "must be an upper-case code such as MANUFACTURING or SAS";

    static final String COUNTRY = "[A-Z]{2}";
    static final String COUNTRY_MESSAGE = "must be an ISO 3166 alpha-2 country code such as FR";

    static final String CURRENCY = "[A-Z]{3}";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 currency code such as EUR";

    private Codes() {
    }
}

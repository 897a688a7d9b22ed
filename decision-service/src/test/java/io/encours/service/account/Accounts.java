package io.encours.service.account;

import io.encours.service.account.CreditAccount.InsurerCover;
import io.encours.service.account.CreditAccount.InternalLimit;
import io.encours.service.account.CreditAccount.StatusSetting;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Test-data builder: {@code anAccount("C-1").withLimit("50000", from, to).build()}. */
final class Accounts {
    static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
    static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

    private String customerId;
    private AccountStatus status = AccountStatus.ACTIVE;
    private String statusReason;
    private InternalLimit limit;
    private InsurerCover cover;
    private String parent;

    private Accounts(String customerId) {
        this.customerId = customerId;
    }

    static Accounts anAccount(String customerId) {
        return new Accounts(customerId);
    }

    Accounts withLimit(String amount, LocalDate from, LocalDate to) {
        limit = new InternalLimit(new BigDecimal(amount), from, to);
        return this;
    }

    Accounts withCover(String insured, LocalDate from, LocalDate to) {
        cover = new InsurerCover("Allianz Trade", new BigDecimal(insured), new BigDecimal("90"), from, to, 90, 30);
        return this;
    }

    Accounts withStatus(AccountStatus status, String reason) {
        this.status = status;
        this.statusReason = reason;
        return this;
    }

    Accounts inGroup(String parent) {
        this.parent = parent;
        return this;
    }

    CreditAccount build() {
        return new CreditAccount(customerId, "Ateliers Dupont SAS", "FR", "MANUFACTURING", "SAS",
                LocalDate.of(2004, 3, 1), null, null, "EUR", 30,
                new StatusSetting(status, statusReason, "manager", AT), limit, cover, null,
                LocalDate.of(2026, 6, 1), LocalDate.of(2027, 6, 1), LocalDate.of(2010, 1, 15), parent, 1, AT, "manager");
    }
}

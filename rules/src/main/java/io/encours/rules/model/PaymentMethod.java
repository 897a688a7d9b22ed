package io.encours.rules.model;

/** How the customer will pay the order. */
public enum PaymentMethod { BANK_TRANSFER, DIRECT_DEBIT, CHEQUE, CARD, PREPAYMENT, BILL_OF_EXCHANGE }

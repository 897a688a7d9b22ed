package io.encours.service.security;

import java.security.SecureRandom;

/**
 * The rules for passwords: the authority a person holds while their password, set by someone else, waits
 * to be changed; the minimum a new password must meet; and how the service generates one.
 */
final class PasswordChange {
    /** Held instead of any role until the person changes a password someone else set. */
    static final String REQUIRED_AUTHORITY = "PASSWORD_CHANGE_REQUIRED";
    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 72; // bcrypt reads no further
    static final String RULE = "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private PasswordChange() {
    }

    static boolean acceptable(String password) {
        return password != null && password.length() >= MIN_LENGTH
                && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= MAX_LENGTH;
    }

    /** 20 characters from an alphabet without look-alikes (about 116 bits). */
    static String generate() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}

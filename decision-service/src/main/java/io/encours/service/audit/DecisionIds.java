package io.encours.service.audit;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered decision ids: UUID version 7 (RFC 9562), 48 bits of Unix milliseconds, then a 12-bit counter
 * that keeps ids issued in the same millisecond in order (method 1 of RFC 9562 section 6.2), then 62 random
 * bits. Sorting ids as strings sorts decisions by issue time.
 */
public final class DecisionIds {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private int counter;

    public DecisionIds(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long millis;
        int sequence;
        synchronized (this) {
            millis = Math.max(clock.millis(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter > 0xFFF) {
                    // 4096 ids in one millisecond: borrow the next millisecond rather than lose the order.
                    millis++;
                    counter = 0;
                }
            } else {
                // Start low in the counter's range so that many ids fit in the same millisecond.
                counter = random.nextInt(0x400);
            }
            lastMillis = millis;
            sequence = counter;
        }
        long high = (millis << 16) | 0x7000L | sequence;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}

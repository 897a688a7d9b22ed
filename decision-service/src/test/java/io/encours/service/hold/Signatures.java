package io.encours.service.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Checks a callback's signature as a receiver would, written from the documentation rather than the sender. */
final class Signatures {
    private Signatures() {
    }

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, with t between {@code notBefore} and now. */
    static void assertSigned(String header, String secret, String body, long notBefore) throws Exception {
        assertThat(header).matches("t=[0-9]+,v1=[0-9a-f]{64}");
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(v1).as("signature of t.body").isEqualTo(expected);
        assertThat(Long.parseLong(t)).isBetween(notBefore, Instant.now().getEpochSecond());
    }
}

package io.encours.service.hold;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a callback may not reach unless its target allows it: the service's own machine, its
 * cloud's metadata endpoint and the networks behind it. An IPv6 address carrying an IPv4 one (mapped,
 * compatible, NAT64, 6to4) is judged by the IPv4 address it carries, so {@code ::ffff:127.0.0.1} is loopback.
 */
final class CallbackAddresses {
    private CallbackAddresses() {
    }

    /** What is wrong with the address ("loopback", "link-local", ...), or empty for a public address. */
    static Optional<String> restriction(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return restriction(v4.getAddress());
        }
        byte[] b = address.getAddress();
        Optional<byte[]> embedded = embeddedIpv4(b);
        if (embedded.isPresent()) {
            Optional<String> inner = restriction(embedded.get());
            if (inner.isPresent()) {
                return inner.map(r -> r + " (IPv4 " + dotted(embedded.get()) + " inside IPv6)");
            }
            return Optional.empty();
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("link-local");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("private (site-local)");
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("private (unique local)");
        }
        if (first == 0xff) {
            return Optional.of("multicast");
        }
        return Optional.empty();
    }

    private static Optional<String> restriction(byte[] v4) {
        int a = v4[0] & 0xff;
        int b = v4[1] & 0xff;
        if (a == 0) {
            return Optional.of("unspecified");
        }
        if (a == 127) {
            return Optional.of("loopback");
        }
        if (a == 169 && b == 254) {
            return Optional.of("link-local");
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return Optional.of("private");
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return Optional.of("private (shared address space)");
        }
        if (a >= 224 && a <= 239) {
            return Optional.of("multicast");
        }
        if (a >= 240) {
            return Optional.of("reserved");
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv6 one: ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d or 2002:aabb:ccdd::. */
    private static Optional<byte[]> embeddedIpv4(byte[] b) {
        if (b.length != 16) {
            return Optional.empty();
        }
        boolean firstTenZero = true;
        for (int i = 0; i < 10; i++) {
            firstTenZero &= b[i] == 0;
        }
        boolean mapped = firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = firstTenZero && b[10] == 0 && b[11] == 0
                && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1));
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
                && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12);
        if (mapped || compatible || nat64) {
            return Optional.of(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return Optional.of(new byte[] {b[2], b[3], b[4], b[5]});
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String dotted(byte[] v4) {
        try {
            return InetAddress.getByAddress(v4).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "a loopback address", "an unspecified address", "a private (unique local) address". */
    static String described(String restriction) {
        return ("aeiou".indexOf(restriction.charAt(0)) >= 0 ? "an " : "a ") + restriction.replaceFirst("^(\\S+)", "$1 address");
    }
}

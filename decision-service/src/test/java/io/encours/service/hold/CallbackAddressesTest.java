package io.encours.service.hold;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses a callback may reach only when its allowlist entry allows private addresses. */
class CallbackAddressesTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, loopback", "127.255.255.254, loopback", "::1, loopback",
            "169.254.169.254, link-local", "169.254.0.1, link-local", "fe80::1, link-local", "febf::1, link-local",
            "10.0.0.1, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.10, private",
            "fc00::1, private (unique local)", "fd12:3456::1, private (unique local)",
            "100.64.0.1, private (shared address space)",
            "0.0.0.0, unspecified", "::, unspecified",
            "224.0.0.1, multicast", "ff02::1, multicast", "255.255.255.255, reserved"})
    void an_internal_address_is_restricted(String address, String restriction) throws Exception {
        assertThat(CallbackAddresses.restriction(InetAddress.getByName(address))).contains(restriction);
    }

    /** IPv6 forms that carry an IPv4 address are judged by it (built as IPv6, since Java maps some to IPv4). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.1.2.3", "::127.0.0.1",
            "64:ff9b::169.254.169.254", "2002:a9fe:a9fe::1", "2002:7f00:1::"})
    void an_ipv6_address_carrying_an_internal_ipv4_address_is_restricted(String address) throws Exception {
        InetAddress v6 = Inet6Address.getByAddress(null, InetAddress.getByName(address).getAddress().length == 16
                ? InetAddress.getByName(address).getAddress() : mapped(InetAddress.getByName(address).getAddress()), null);
        assertThat(CallbackAddresses.restriction(v6)).isPresent();
        assertThat(CallbackAddresses.restriction(InetAddress.getByName(address))).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"203.0.113.10", "8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1", "100.128.0.1",
            "169.253.255.255", "2001:db8::1", "2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void a_public_address_is_not_restricted(String address) throws Exception {
        assertThat(CallbackAddresses.restriction(InetAddress.getByName(address))).isEmpty();
    }

    private static byte[] mapped(byte[] v4) {
        byte[] v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }
}

package io.encours.service.hold;

import java.net.InetAddress;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A resolver for tests whose callback examples name {@code erp.example.com}: this machine has no DNS, so the host
 * resolves to a public address (example.com's) that passes the address check; every other host as the system does.
 */
@TestConfiguration
public class ExampleHosts {
    @Bean
    HostResolver exampleHosts() {
        return host -> host.endsWith(".example.com")
                ? List.of(InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14}))
                : HostResolver.SYSTEM.resolve(host);
    }
}

package io.encours.service.hold;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a callback host into the addresses to check and connect to. The service resolves a host once per
 * call and connects to the address it checked, never resolving again; tests replace the resolver to play a
 * DNS server that changes its answer between the registration and the call (DNS rebinding).
 */
@FunctionalInterface
interface HostResolver {
    /** The system's resolver (for an IP literal, the address itself, with no lookup). */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}

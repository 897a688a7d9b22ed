package io.encours.service.hold;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 POST to the address a callback URL was checked against, over a socket opened to that address:
 * the JDK's HTTP client would resolve the host again, and the second answer is the one a rebinding attacker
 * controls. The host name still goes in the {@code Host} header and, over TLS, in SNI and the certificate
 * check. Only the status line is read; a redirect is an answer like any other, never followed.
 */
final class PinnedPost {
    private static final int MAX_STATUS_LINE = 8192;

    private PinnedPost() {
    }

    /** Sends the body and returns the HTTP status code. */
    static int send(CallbackTargets.Checked checked, byte[] body, Map<String, String> headers, Duration timeout)
            throws IOException {
        URI uri = checked.uri();
        CallbackTarget target = checked.target();
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = open(checked, millis)) {
            socket.setSoTimeout(millis);
            StringBuilder head = new StringBuilder();
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            head.append("POST ").append(path).append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\n");
            head.append("Host: ").append(hostHeader(target)).append("\r\n");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n");
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return status(socket.getInputStream());
        }
    }

    private static Socket open(CallbackTargets.Checked checked, int millis) throws IOException {
        CallbackTarget target = checked.target();
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(checked.address(), target.port()), millis);
            if (!target.scheme().equals("https")) {
                return plain;
            }
            plain.setSoTimeout(millis);
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, target.host(), target.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!target.host().contains(":") && !target.host().matches("[0-9.]+")) {
                parameters.setServerNames(List.of(new SNIHostName(IDN.toASCII(target.host()))));
            }
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static String hostHeader(CallbackTarget target) {
        String host = target.host().contains(":") ? "[" + target.host() + "]" : target.host();
        return target.port() == CallbackTarget.defaultPort(target.scheme()) ? host : host + ":" + target.port();
    }

    /** The status code of "HTTP/1.1 204 No Content". */
    private static int status(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (line.size() >= MAX_STATUS_LINE) {
                throw new IOException("status line too long");
            }
            line.write(c);
        }
        String[] parts = line.toString(StandardCharsets.ISO_8859_1).strip().split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("[1-5][0-9][0-9]")) {
            throw new IOException("not an HTTP answer");
        }
        return Integer.parseInt(parts[1]);
    }
}

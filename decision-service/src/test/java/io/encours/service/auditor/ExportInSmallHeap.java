package io.encours.service.auditor;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Runs the JSON Lines export of one customer's decisions in a JVM of its own (started by AuditExportTest with
 * a small heap), into a response that counts what is written and keeps none of it. Prints
 * {@code lines=... bytes=... maxHeap=...}.
 */
public final class ExportInSmallHeap {
    private ExportInSmallHeap() {
    }

    /** Arguments: the MongoDB connection string (with the database) and the customer id. */
    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String database = uri.substring(uri.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (MongoClient client = MongoClients.create(uri)) {
            AuditorController controller = new AuditorController(new io.encours.service.audit.AuditReadStore(new MongoTemplate(client, database)), new io.encours.service.retention.ChainAnchorStore(new MongoTemplate(client, database)));
            CountingResponse response = new CountingResponse();
            controller.exportJsonLines(new AuditorController.Selection(args[1], null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null), response);
            System.out.println("lines=" + response.out.lines + " bytes=" + response.out.bytes + " maxHeap="
                    + Runtime.getRuntime().maxMemory());
        }
    }

    private static final class CountingResponse extends MockHttpServletResponse {
        final CountingStream out = new CountingStream();

        @Override
        public ServletOutputStream getOutputStream() {
            return out;
        }
    }

    private static final class CountingStream extends ServletOutputStream {
        long bytes;
        long lines;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}

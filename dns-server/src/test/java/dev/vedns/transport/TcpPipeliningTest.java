package dev.vedns.transport;

import static dev.vedns.Queries.parse;
import static dev.vedns.Queries.query;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Several queries written at once on one connection are each answered with their own ID (RFC 7766 §6.2.1). */
class TcpPipeliningTest {

    @Test
    void pipelinedQueriesAreAnsweredInOrderWithTheirIds() throws Exception {
        String[] names = {"mydb.writer.postgres.internal.", "missing.postgres.internal.", "mydb.reader.postgres.internal.",
                "postgres.internal."};
        int[] expected = {Rcode.NOERROR, Rcode.NXDOMAIN, Rcode.NOERROR, Rcode.NOERROR};
        try (RunningServer dns = new RunningServer(); Socket socket = dns.connect()) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(burst);
            int[] ids = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                Message query = query(names[i], Type.A);
                query.getHeader().setID(1000 + i);
                ids[i] = 1000 + i;
                byte[] wire = query.toWire();
                out.writeShort(wire.length);
                out.write(wire);
            }
            // One write: the server sees all frames in one read and must still split them.
            socket.getOutputStream().write(burst.toByteArray());
            for (int i = 0; i < names.length; i++) {
                Message response = parse(RunningServer.readFrame(socket));
                assertEquals(ids[i], response.getHeader().getID());
                assertEquals(expected[i], response.getRcode(), names[i]);
                assertEquals(names[i], response.getQuestion().getName().toString());
            }
        }
    }
}

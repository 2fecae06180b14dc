package dev.vedns.api.conformance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/** Sends one probe to one server and returns the raw response, or null when none came. */
final class Exchange {

    private Exchange() {
    }

    static byte[] send(int port, Probe probe) throws IOException {
        return probe.tcp() ? tcp(port, probe.wire()) : udp(port, probe.wire());
    }

    private static byte[] udp(int port, byte[] wire) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(250);
            socket.send(new DatagramPacket(wire, wire.length, new InetSocketAddress("127.0.0.1", port)));
            DatagramPacket packet = new DatagramPacket(new byte[65535], 65535);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException none) {
                return null;
            }
            return Arrays.copyOf(packet.getData(), packet.getLength());
        }
    }

    private static byte[] tcp(int port, byte[] wire) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(500);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] response = new byte[in.readUnsignedShort()];
            in.readFully(response);
            return response;
        } catch (SocketTimeoutException | EOFException none) {
            return null;
        } catch (IOException reset) {
            if (reset.getMessage() != null && reset.getMessage().contains("reset")) {
                return null;
            }
            throw reset;
        }
    }
}

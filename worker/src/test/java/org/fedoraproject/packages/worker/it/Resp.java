package org.fedoraproject.packages.worker.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the Redis protocol for a test process to look at what the worker process wrote
 * (the Quarkus client needs a Quarkus application around it). One connection, one command at a time;
 * a command sent while Redis is down reconnects.
 */
final class Resp implements AutoCloseable {
    private final int port;
    private final int db;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    Resp(int port, int db) {
        this.port = port;
        this.db = db;
    }

    synchronized Object call(String... args) {
        try {
            if (socket == null) {
                socket = new Socket("127.0.0.1", port);
                in = new BufferedInputStream(socket.getInputStream());
                out = socket.getOutputStream();
                send("SELECT", Integer.toString(db));
                read();
            }
            send(args);
            return read();
        } catch (IOException e) {
            close();
            throw new IllegalStateException("redis on " + port + ": " + e.getMessage(), e);
        }
    }

    String hget(String key, String field) {
        return (String) call("HGET", key, field);
    }

    long number(String... args) {
        return (Long) call(args);
    }

    private void send(String... args) throws IOException {
        StringBuilder s = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            s.append('$').append(b.length).append("\r\n").append(a).append("\r\n");
        }
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private Object read() throws IOException {
        int type = in.read();
        String line = line();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IOException(line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int n = Integer.parseInt(line);
                if (n < 0) {
                    return null;
                }
                byte[] b = in.readNBytes(n + 2);
                return new String(b, 0, n, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(line);
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    items.add(read());
                }
                return items;
            }
            default:
                throw new IOException("unexpected reply " + (char) type + line);
        }
    }

    private String line() throws IOException {
        StringBuilder s = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            s.append((char) c);
        }
        in.read();
        return s.toString();
    }

    @Override
    public synchronized void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // nothing to keep
        }
        socket = null;
    }
}

package org.fedoraproject.packages.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.function.Predicate;

/**
 * Many server-sent event streams held open at once, each watched for its opening comment, its first
 * heartbeat comment and its first event. Lines are pushed to a subscriber by java.net.http's selector
 * thread, so a thousand streams cost no thousand threads here.
 */
final class SseStreams implements AutoCloseable {

    /** One stream; times are System.nanoTime(), 0 until seen. */
    static final class Stream implements Flow.Subscriber<String> {
        final String path;
        volatile int status;
        volatile long sent, opened, heartbeat, periodicHeartbeat, event;
        /** The first event at or after {@link SseStreams#markEvents}: one the benchmark caused. */
        volatile long markedEvent;
        volatile String markedData;
        volatile long mark;
        volatile Throwable failure;
        private volatile Flow.Subscription subscription;

        Stream(String path) {
            this.path = path;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            // Quarkus writes comments as ": open" / ": heartbeat" (the space is optional in SSE)
            if (line.startsWith(":")) {
                String comment = line.substring(1).trim();
                if (opened == 0 && comment.equals("open")) {
                    opened = now;
                } else if (comment.equals("heartbeat")) {
                    // the API's first beat comes with the opening (Mutiny's ticks start at 0), the next
                    // one a period later: that one shows the stream is kept alive
                    if (heartbeat == 0) {
                        heartbeat = now;
                    } else if (periodicHeartbeat == 0) {
                        periodicHeartbeat = now;
                    }
                }
            } else if (line.startsWith("data:")) {
                if (event == 0) {
                    event = now;
                }
                if (markedEvent == 0 && mark != 0 && now >= mark) {
                    markedData = line.substring(5).trim();
                    markedEvent = now;
                }
            }
        }

        @Override
        public void onError(Throwable t) {
            failure = t;
        }

        @Override
        public void onComplete() {
            if (status == 200 && failure == null) {
                failure = new IllegalStateException("the API ended the stream");
            }
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();
    private final List<Stream> streams = new ArrayList<>();

    /** Starts one stream per path, all at once; they connect in the background. */
    void open(String base, List<String> paths) {
        for (String path : paths) {
            Stream s = new Stream(path);
            streams.add(s);
            s.sent = System.nanoTime();
            HttpRequest req = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").build();
            http.sendAsync(req, info -> {
                s.status = info.statusCode();
                return HttpResponse.BodySubscribers.fromLineSubscriber(s);
            }).whenComplete((r, t) -> {
                if (t != null && s.failure == null) {
                    s.failure = t;
                }
            });
        }
    }

    /** From now on each stream records its next event apart (the events the benchmark is about to cause). */
    long markEvents() {
        long now = System.nanoTime();
        streams.forEach(s -> s.mark = now);
        return now;
    }

    List<Stream> all() {
        return streams;
    }

    long count(Predicate<Stream> p) {
        return streams.stream().filter(p).count();
    }

    /** Waits until every stream satisfies p or one has failed for good, at most timeoutMs; returns how many do. */
    long await(Predicate<Stream> p, long timeoutMs) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < end) {
            if (streams.stream().allMatch(s -> p.test(s) || s.failure != null || (s.status != 0 && s.status != 200))) {
                break;
            }
            Thread.sleep(100);
        }
        return count(p);
    }

    @Override
    public void close() {
        streams.forEach(Stream::cancel);
    }
}

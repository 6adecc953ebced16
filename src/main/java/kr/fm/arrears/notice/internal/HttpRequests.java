package kr.fm.arrears.notice.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/** How this module's outgoing HTTP clients talk: the JDK client with one timeout for connect and read. */
final class HttpRequests {

    private HttpRequests() {}

    static JdkClientHttpRequestFactory factory(Duration timeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                // HTTP/1.1: no h2c upgrade dance with a server that may drop connections mid-request
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        return factory;
    }
}
